-- Revenue budget monitoring. Amounts are pounds, as written (a file in £m or £000s is converted on import):
-- a figure keeps the precision it was published with, and the checks allow for its rounding.

-- The budget book: directorate → division → service line, each heading named once under its parent.
create table budget_heading (
    id          bigserial primary key,
    parent_id   bigint references budget_heading (id),
    name        text not null check (length(name) between 1 and 200),
    position    int not null,
    created_at  timestamptz not null default now(),
    unique nulls not distinct (parent_id, name)
);

-- A heading's cash limit for a financial year (year = the calendar year its April falls in).
create table cash_limit (
    heading_id   bigint not null references budget_heading (id),
    year         int not null check (year between 1990 and 2199),
    gross        numeric(21, 6),
    income       numeric(21, 6) check (income <= 0),
    net          numeric(21, 6) not null,
    modified_at  timestamptz not null default now(),
    version      int not null default 0,
    primary key (heading_id, year)
);

-- Changes to a cash limit after the budget was set (virements), each with its reason.
create table cash_limit_change (
    id          bigserial primary key,
    heading_id  bigint not null references budget_heading (id),
    year        int not null,
    gross       numeric(21, 6),
    income      numeric(21, 6),
    net         numeric(21, 6) not null,
    reason      text not null check (length(reason) between 1 and 2000),
    made_by     text not null,
    made_at     timestamptz not null default now()
);

-- A month's forecast for a heading: the managers' variance (+ a pressure, − an underspend; for income +
-- is under-recovery), the Corporate Director's adjustment, and the reason. The revised variance, last
-- reported position and movement are worked out from these, never stored.
create table forecast (
    heading_id       bigint not null references budget_heading (id),
    month            date not null check (extract(day from month) = 1),
    variance_gross   numeric(21, 6),
    variance_income  numeric(21, 6),
    -- a heading with lines under it has no variance of its own (its lines' add up), only an adjustment or a position last reported
    variance_net     numeric(21, 6),
    adjustment       numeric(21, 6),
    -- the revised variance reported the month before, when that month is not stored here (the first month loaded)
    last_reported    numeric(21, 6),
    comment          text check (length(comment) <= 4000),
    entered_by       text not null,
    modified_at      timestamptz not null default now(),
    version          int not null default 0,
    check (variance_net is not null or adjustment is not null or last_reported is not null),
    primary key (heading_id, month)
);
create index forecast_by_month on forecast (month);
