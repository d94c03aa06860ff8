-- The council's structure, once: its directorates, divisions, services and teams, each with one name, a short name and
-- the names it was also written under (matched any case on import), and its history. Every module names a part of the
-- council with the unit's name from here. The authority key lets one installation hold more than one council.
create table council (
    key   text primary key check (key ~ '^[a-z0-9-]{2,60}$'),
    name  text not null unique check (length(name) between 1 and 200)
);

create table council_unit (
    id                 bigserial primary key,
    authority          text not null references council (key),
    kind               text not null check (kind in ('DIRECTORATE', 'DIVISION', 'SERVICE', 'TEAM')),
    parent_id          bigint references council_unit (id),
    name               text not null check (length(name) between 1 and 200 and name = btrim(name)),
    short_name         text check (short_name ~ '^[A-Za-z0-9&/ -]{1,20}$' and short_name = btrim(short_name)),
    cabinet_member     text check (length(cabinet_member) <= 200),
    corporate_director text check (length(corporate_director) <= 200),
    -- null: opened before the structure was recorded
    opened_on          date check (opened_on between date '1990-01-01' and date '2199-12-31'),
    closed_on          date check (closed_on >= opened_on and closed_on <= date '2199-12-31'),
    version            int not null default 0,
    check (parent_id is distinct from id)
);
create index council_unit_by_parent on council_unit (parent_id);

-- Every name a unit answers to in its council: its name, its short name, the other spellings it was written under and
-- the names it had before a rename (with the last day it had it). One unit per name, whatever the case.
create table council_unit_name (
    authority  text not null references council (key),
    name       text not null check (length(name) between 1 and 200 and name = btrim(name)),
    unit_id    bigint not null references council_unit (id),
    kind       text not null check (kind in ('NAME', 'SHORT', 'ALIAS', 'FORMER')),
    until      date,
    check ((kind = 'FORMER') = (until is not null))
);
create unique index council_unit_name_once on council_unit_name (authority, lower(name));

-- What happened to a unit and from when: renamed, moved under another parent, closed (into its successor).
create table council_unit_change (
    id          bigserial primary key,
    unit_id     bigint not null references council_unit (id),
    effective   date not null check (effective between date '1990-01-01' and date '2199-12-31'),
    what        text not null check (what in ('OPENED', 'RENAMED', 'MOVED', 'CLOSED', 'HOLDERS')),
    before      text check (length(before) <= 400),
    after       text check (length(after) <= 400),
    by_user     text not null,
    at          timestamptz not null default now()
);
create index council_unit_change_by_unit on council_unit_change (unit_id, effective);

-- The installation's own council; the app names it from oversight.council-name when it starts.
insert into council (key, name) values ('default', 'The council');

-- Folding today's strings. Two spellings are one unit when they read the same once case, '&'/'and' and punctuation are
-- set aside ("Adult Social Care & Health", "Adult, Social Care & Health"); DCLDMH is how the papers also abbreviate
-- DCALDMH ("OPPD / DCLDMH", "OPPD DCALDMH").
create function pg_temp.fold(t text) returns text language sql immutable as $$
    select replace(btrim(regexp_replace(lower(replace(t, '&', ' and ')), '[^a-z0-9]+', ' ', 'g')), 'dcldmh', 'dcaldmh')
$$;

create temporary table named_unit (kind text, spelling text, uses int, parent_spelling text);
insert into named_unit
select 'DIRECTORATE', btrim(directorate), count(*), null from indicator where btrim(coalesce(directorate, '')) <> '' group by 1, 2
union all
select 'DIRECTORATE', btrim(directorate), count(*), null from service_line_position where btrim(directorate) <> '' group by 1, 2
union all
select 'DIVISION', btrim(division), count(*), min(btrim(directorate)) from indicator where btrim(coalesce(division, '')) <> '' group by 1, 2
union all
select 'DIVISION', btrim(division), count(*), min(btrim(directorate)) from service_line_position where btrim(coalesce(division, '')) <> '' group by 1, 2
union all
select 'DIVISION', name, 0, null from known_division;
-- A capital directorate or a top-level heading of the budget book is a directorate only when it reads as one named above.
insert into named_unit
select 'DIRECTORATE', btrim(c.directorate), 1, null from capital_scheme c
where exists (select 1 from named_unit n where n.kind = 'DIRECTORATE' and pg_temp.fold(n.spelling) = pg_temp.fold(c.directorate))
union all
select 'DIRECTORATE', h.name, 1, null from budget_heading h
where h.parent_id is null and exists (select 1 from named_unit n where n.kind = 'DIRECTORATE' and pg_temp.fold(n.spelling) = pg_temp.fold(h.name));
delete from named_unit where length(spelling) > 200;

-- One unit a folded name; its name is the spelling most used (then the one with 'and'), the others its aliases.
insert into council_unit (authority, kind, name)
select (select key from council), kind, spelling from (
    select kind, spelling, row_number() over (partition by kind, pg_temp.fold(spelling)
            order by sum(uses) desc, (spelling like '%&%'), spelling) as pick
    from named_unit group by kind, spelling) s
where pick = 1
  and not exists (select 1 from council_unit u where lower(u.name) = lower(s.spelling));
-- A folded name both a directorate and a division is the directorate's.
delete from council_unit d where d.kind = 'DIVISION'
   and exists (select 1 from council_unit o where o.kind = 'DIRECTORATE' and pg_temp.fold(o.name) = pg_temp.fold(d.name));

update council_unit d set parent_id = (
    select p.id from named_unit n join council_unit p on p.kind = 'DIRECTORATE' and pg_temp.fold(p.name) = pg_temp.fold(n.parent_spelling)
    where n.kind = 'DIVISION' and pg_temp.fold(n.spelling) = pg_temp.fold(d.name) and n.parent_spelling is not null
    order by n.uses desc limit 1)
where d.kind = 'DIVISION';

insert into council_unit_name (authority, name, unit_id, kind)
select authority, name, id, 'NAME' from council_unit;
insert into council_unit_name (authority, name, unit_id, kind)
select distinct on (lower(n.spelling)) u.authority, n.spelling, u.id, 'ALIAS'
from named_unit n join council_unit u on pg_temp.fold(u.name) = pg_temp.fold(n.spelling)
where not exists (select 1 from council_unit_name k where lower(k.name) = lower(n.spelling))
order by lower(n.spelling), (u.kind = 'DIRECTORATE') desc;

-- A directorate's register is filed under its short name ("ASCH": "Adult Social Care and Health directorate").
update council_unit u set short_name = r.code
from risk_register r
where u.kind = 'DIRECTORATE' and r.level = 'DIRECTORATE' and r.code ~ '^[A-Za-z0-9&/ -]{1,20}$'
  and pg_temp.fold(regexp_replace(r.name, '\s+directorate$', '', 'i')) = pg_temp.fold(u.name)
  and not exists (select 1 from council_unit_name k where lower(k.name) = lower(r.code));
insert into council_unit_name (authority, name, unit_id, kind)
select authority, short_name, id, 'SHORT' from council_unit where short_name is not null;

-- Every module's strings now read as the unit's one name.
update indicator i set directorate = u.name from council_unit_name n join council_unit u on u.id = n.unit_id
where lower(n.name) = lower(btrim(i.directorate)) and i.directorate is distinct from u.name;
update indicator i set division = u.name from council_unit_name n join council_unit u on u.id = n.unit_id
where lower(n.name) = lower(btrim(i.division)) and i.division is distinct from u.name;
update service_line_position s set directorate = u.name from council_unit_name n join council_unit u on u.id = n.unit_id
where lower(n.name) = lower(btrim(s.directorate)) and s.directorate is distinct from u.name;
update service_line_position s set division = u.name from council_unit_name n join council_unit u on u.id = n.unit_id
where lower(n.name) = lower(btrim(s.division)) and s.division is distinct from u.name;
update capital_scheme c set directorate = u.name from council_unit_name n join council_unit u on u.id = n.unit_id
where lower(n.name) = lower(btrim(c.directorate)) and c.directorate is distinct from u.name
  and not exists (select 1 from capital_scheme o where o.directorate = u.name and o.name is not distinct from c.name);
update budget_heading h set name = u.name from council_unit_name n join council_unit u on u.id = n.unit_id
where h.parent_id is null and lower(n.name) = lower(h.name) and h.name is distinct from u.name
  and not exists (select 1 from budget_heading o where o.parent_id is null and o.name = u.name);
update app_user a set divisions = array(
    select distinct coalesce((select u.name from council_unit_name n join council_unit u on u.id = n.unit_id
                              where lower(n.name) = lower(d)), d) from unnest(a.divisions) d);

-- Which unit a register, a committee and a standing paper belong to: the unit's name, chosen from the structure.
alter table risk_register add column unit text check (length(unit) <= 200);
update risk_register r set unit = u.name from council_unit u
where u.kind = 'DIRECTORATE' and r.level = 'DIRECTORATE' and u.short_name = r.code;
alter table committee add column unit text check (length(unit) <= 200);

drop table known_division;
