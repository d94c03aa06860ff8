-- A financial year's schedule of rates paid and charges levied (2019 is 2019-20): the year before's rates with the basis
-- each rises by, the pay award and CPI the year's uplift uses (with their sources), and, once approved, the key decision
-- that approved it, the date it takes effect and the new rates as approved. An approved schedule does not change.
create table rate_schedule (
    year            int primary key check (year between 1990 and 2199),
    pay_award       numeric(7, 3) check (pay_award between -100 and 100),
    pay_source      text check (length(pay_source) <= 500),
    cpi             numeric(7, 3) check (cpi between -100 and 100),
    cpi_source      text check (length(cpi_source) <= 500),
    decision_no     text check (decision_no ~ '^[0-9]{2}/[0-9]{5}$'),
    effective_from  date,
    approved_by     text,
    approved_at     timestamptz,
    entered_by      text not null,
    modified_at     timestamptz not null default now(),
    version         int not null default 0,
    check ((pay_award is null) = (pay_source is null) and (cpi is null) = (cpi_source is null)),
    check ((decision_no is null) = (effective_from is null) and (decision_no is null) = (approved_at is null)),
    check (effective_from is null or effective_from between make_date(year, 4, 1) and make_date(year + 1, 3, 31))
);

-- A year's rates have a decision of their own (checked with its message on approval; this holds two approvals at once to it).
create unique index rate_schedule_decision on rate_schedule (decision_no);

create table rate_item (
    year        int not null references rate_schedule (year) on delete cascade,
    position    int not null,
    key         text not null check (key ~ '^[A-Za-z_][A-Za-z0-9_]{0,59}$'),
    item        text not null check (length(item) between 1 and 200),
    unit        text not null check (length(unit) <= 200),
    current     numeric(14, 4) not null check (current >= 0),
    basis       text not null check (basis ~ '^(PAY|CPI|FIXED|FORMULA|-?[0-9]{1,3}(\.[0-9]{1,4})?%)$'),
    formula     text check (length(formula) <= 500),
    multiple    numeric(14, 4) not null check (multiple > 0),
    proposed    numeric(14, 4) check (proposed >= 0),
    notes       text not null default '' check (length(notes) <= 2000),
    -- Set on approval: the rate approved, the figure its basis gives and the rule that gives it, and why, when the two differ.
    approved    numeric(14, 4) check (approved >= 0),
    worked_out  numeric(14, 4) check (worked_out >= 0),
    rule        text,
    departure   text check (length(departure) <= 2000),
    primary key (year, position),
    unique (year, key)
);

-- What a decision approved elsewhere in Oversight (a year's rates and charges), for its page.
create table decision_outcome (
    decision_id  bigint not null references decision (id),
    what         text not null check (length(what) between 1 and 500),
    href         text not null check (href ~ '^/[A-Za-z0-9/_.-]*$'),
    recorded_at  timestamptz not null default now(),
    primary key (decision_id, href)
);

-- The year's approved rates and charges are a paper of their own (the committee's appendix), and a standing item may carry it.
alter table paper drop constraint paper_kind_check;
alter table paper add constraint paper_kind_check check (kind in ('dashboard', 'qpr', 'exceptions', 'risks', 'budget', 'rates'));
alter table agenda_item drop constraint agenda_item_standing_kind_check;
alter table agenda_item add constraint agenda_item_standing_kind_check check (standing_kind in ('dashboard', 'qpr', 'exceptions', 'risks', 'budget', 'rates'));
