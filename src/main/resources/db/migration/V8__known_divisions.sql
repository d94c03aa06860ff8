-- The divisions the users' administration offers a data owner (platform's KnownDivisions), fed by
-- the modules' DivisionsInUse events; those already named by indicators are known from the start.
create table known_division (
    name text primary key check (length(name) between 1 and 200)
);
insert into known_division (name)
select distinct btrim(division) from indicator where division is not null and btrim(division) <> '' and length(btrim(division)) <= 200;
