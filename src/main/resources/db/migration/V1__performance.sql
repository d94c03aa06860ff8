-- Performance: indicators, their targets and thresholds, and the monthly figures.
create table indicator (
    id              bigserial primary key,
    ref             text not null unique,
    title           text not null,
    definition      text,
    section         text,
    kind            text not null check (kind in ('KPI', 'ACTIVITY')),
    polarity        text check (polarity in ('HIGHER', 'LOWER', 'TARGET')),
    unit            text not null default 'count',
    decimals        int not null default 0 check (decimals between 0 and 6),
    data_period     text,
    frequency       text not null default 'MONTHLY' check (frequency in ('MONTHLY', 'QUARTERLY', 'ANNUAL')),
    data_source     text,
    cabinet_member  text,
    director        text,
    portfolio       text,
    directorate     text,
    division        text,
    in_qpr          boolean not null default false,
    in_divmt        boolean not null default false,
    active          boolean not null default true,
    version         int not null default 0
);

-- One row per indicator and financial year (start_year 2018 = 2018-19).
create table target_year (
    indicator_id    bigint not null references indicator (id) on delete cascade,
    start_year      int not null,
    target          numeric,
    floor_value     numeric,
    floor_percent   numeric check (floor_percent > 0 and floor_percent <= 200),
    tolerance       numeric check (tolerance >= 0),
    version         int not null default 0,
    primary key (indicator_id, start_year),
    check (floor_value is null or floor_percent is null)
);

-- A phased target overrides the annual one for the months it covers (a month or a quarter).
create table target_phase (
    indicator_id    bigint not null references indicator (id) on delete cascade,
    first_month     date not null,
    last_month      date not null,
    target          numeric not null,
    floor_value     numeric,
    primary key (indicator_id, first_month),
    check (last_month >= first_month)
);

-- Activity indicators: the expected range per quarter.
create table activity_threshold (
    indicator_id    bigint not null references indicator (id) on delete cascade,
    start_year      int not null,
    quarter         int not null check (quarter between 1 and 4),
    lower_bound     numeric not null,
    upper_bound     numeric not null,
    primary key (indicator_id, start_year, quarter),
    check (upper_bound >= lower_bound)
);

create table outturn (
    indicator_id    bigint not null references indicator (id) on delete cascade,
    start_year      int not null,
    value           numeric not null,
    projected       boolean not null default false,
    primary key (indicator_id, start_year)
);

-- period is the first day of the month the figure is for.
create table observation (
    id              bigserial primary key,
    indicator_id    bigint not null references indicator (id) on delete cascade,
    period          date not null,
    value           numeric,
    numerator       numeric,
    denominator     numeric,
    provisional     boolean not null default false,
    commentary      text,
    published_rag   text check (published_rag in ('GREEN', 'AMBER', 'RED')),
    entered_by      text not null,
    entered_at      timestamptz not null default now(),
    version         int not null default 0,
    unique (indicator_id, period),
    check (extract(day from period) = 1)
);

-- The value an observation had before each change: nothing is overwritten silently.
create table observation_revision (
    id              bigserial primary key,
    observation_id  bigint not null references observation (id) on delete cascade,
    value           numeric,
    numerator       numeric,
    denominator     numeric,
    provisional     boolean not null,
    commentary      text,
    entered_by      text not null,
    entered_at      timestamptz not null,
    replaced_by     text not null,
    replaced_at     timestamptz not null default now()
);

-- A published dashboard freezes its ratings.
create table publication (
    id              bigserial primary key,
    period          date not null,
    directorate     text not null default '',
    published_by    text not null,
    published_at    timestamptz not null default now(),
    unique (period, directorate)
);

create table published_rating (
    publication_id  bigint not null references publication (id) on delete cascade,
    indicator_id    bigint not null references indicator (id),
    figure_period   date,
    value           numeric,
    target          numeric,
    floor_value     numeric,
    rag             text not null,
    reason          text not null,
    dot_previous    text,
    dot_outturn     text,
    primary key (publication_id, indicator_id)
);
