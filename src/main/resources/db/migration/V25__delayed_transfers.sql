-- Delayed transfers of care (hospital discharge delays): the days delayed at each organisation (a trust, or one of its
-- hospital sites) in a month or a week, split by the body responsible. Totals, social care's share and rates are worked out.
create table delay_organisation (
    id        bigserial primary key,
    name      text not null unique check (length(name) between 1 and 200),
    position  int not null
);

create table delayed_days (
    organisation_id  bigint not null references delay_organisation (id),
    period_end       date not null,
    week             boolean not null,
    nhs              numeric(12, 2) not null check (nhs >= 0),
    social_care      numeric(12, 2) not null check (social_care >= 0),
    both_bodies      numeric(12, 2) not null check (both_bodies >= 0),
    entered_by       text not null,
    modified_at      timestamptz not null default now(),
    -- A month is kept by its last day, a week by the day it ends.
    check (week or period_end = (date_trunc('month', period_end) + interval '1 month - 1 day')::date),
    primary key (organisation_id, period_end, week)
);
create index delayed_days_by_period on delayed_days (week, period_end);

-- The adult (18+) population of the area by calendar year, with its source: the rate per 100,000 divides by it.
create table delay_population (
    year        int primary key check (year between 1990 and 2199),
    adults      numeric(12, 0) not null check (adults > 0),
    source      text not null check (length(source) between 1 and 500),
    entered_by  text not null,
    modified_at timestamptz not null default now()
);

-- The Better Care Fund target for a month: delayed days in total and by the body responsible.
create table delay_target (
    month        date not null check (extract(day from month) = 1),
    body         text not null check (body in ('total', 'nhs', 'social_care', 'both')),
    days         numeric(12, 2) not null check (days >= 0),
    entered_by   text not null,
    modified_at  timestamptz not null default now(),
    primary key (month, body)
);
