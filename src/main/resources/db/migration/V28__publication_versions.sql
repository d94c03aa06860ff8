-- A month's dashboard is published by publishing its paper, and a paper published again with other figures restates
-- the month: each publication of a month and scope is a version, the latest the one the public reads.
alter table publication add column version int not null default 1 check (version >= 1);
alter table publication drop constraint publication_period_directorate_key;
alter table publication add constraint publication_version unique (period, directorate, version);
