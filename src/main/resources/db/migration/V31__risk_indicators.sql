-- The indicators a risk concerns, as links to them (chosen from the catalogue on the risk's forms), not references typed as text:
-- a renamed reference keeps the link, and the indicator's page lists the risks that concern it.
create table risk_indicator (
    risk_id       bigint not null references risk (id),
    indicator_id  bigint not null references indicator (id),
    primary key (risk_id, indicator_id)
);
create index risk_indicator_by_indicator on risk_indicator (indicator_id);

insert into risk_indicator (risk_id, indicator_id)
select distinct r.id, i.id from risk r cross join unnest(r.indicator_refs) t(ref) join indicator i on i.ref = btrim(t.ref);

-- A reference typed before that names no indicator is kept, shown on the risk's sheet for the risk team to choose again.
update risk set indicator_refs = array(select t.ref from unnest(indicator_refs) t(ref) where not exists (select 1 from indicator i where i.ref = btrim(t.ref)));
alter table risk rename column indicator_refs to unlinked_indicator_refs;
