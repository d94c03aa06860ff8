-- The indicators the delayed transfers of care feed: each month's rate per 100,000 adults, and the share of the delays
-- attributable to social care, written as the indicator's figure whenever the delays, or the population, change.
create table delay_feed (
    measure       text primary key check (measure in ('per_100k', 'social_care_share')),
    indicator_id  bigint not null references indicator (id),
    entered_by    text not null,
    modified_at   timestamptz not null default now()
);
