-- Whether a published indicator was in the QPR and the divisional management report, frozen with
-- it: the public's dashboard shows both columns and filters on the QPR as published.
alter table published_rating add column in_qpr boolean, add column in_divmt boolean;
update published_rating r set in_qpr = i.in_qpr, in_divmt = i.in_divmt from indicator i where i.id = r.indicator_id;
alter table published_rating alter column in_qpr set not null, alter column in_divmt set not null;
