-- Frozen with a published indicator as well: its definition, and whether it was in the QPR and
-- the divisional management report. The public's pages show these as published, not as edited since.
alter table published_rating add column in_qpr boolean, add column in_divmt boolean, add column definition text;
update published_rating r set in_qpr = i.in_qpr, in_divmt = i.in_divmt, definition = i.definition from indicator i where i.id = r.indicator_id;
alter table published_rating alter column in_qpr set not null, alter column in_divmt set not null;
