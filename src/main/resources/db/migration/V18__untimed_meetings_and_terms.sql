-- A meeting whose time was not recorded (the papers give some meetings a date only, and a work programme's
-- future meetings have no time yet): its date is kept at midnight and the time shown as not given.
alter table meeting add column timed boolean not null default true;
alter table meeting add constraint meeting_untimed_at_midnight check (timed or (starts_at = date_trunc('day', starts_at) and ends_at is null));

-- The council's terms of office (from one election to the next), for OParl's LegislativeTerm.
create table legislative_term (
    id           bigserial primary key,
    name         text not null check (length(name) between 1 and 200),
    start_date   date not null,
    end_date     date,
    created_at   timestamptz not null default now(),
    modified_at  timestamptz not null default now(),
    deleted_at   timestamptz,
    check (end_date is null or end_date > start_date),
    exclude using gist (daterange(start_date, end_date, '[]') with &&) where (deleted_at is null)
);

-- Minutes as councils print them: members present, others present (a Cabinet Member, say) and officers in
-- attendance; each minute names the agenda item it records. Minute numbers run on from the committee's
-- previous minutes (a council restarts them when it chooses, at the start of a municipal year).
alter table minutes add column also_present text check (length(also_present) <= 5000);
alter table minutes add column in_attendance text check (length(in_attendance) <= 5000);
alter table minute add column item int check (item between 1 and 999);

-- The clerk reorders an agenda by swapping two items' numbers in one statement, which needs the uniqueness
-- checked at the statement's end.
alter table agenda_item drop constraint agenda_item_meeting_id_number_key;
alter table agenda_item add constraint agenda_item_number_unique unique (meeting_id, number) deferrable initially immediate;

-- A councillor's sign-in name, linked by the clerk: a Member reads the exempt items and draft packs of the
-- committees they sit on, and no others.
alter table person add column username text unique check (length(username) <= 100);
