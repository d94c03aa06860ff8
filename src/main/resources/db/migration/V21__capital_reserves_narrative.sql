-- Budget monitoring, the rest of the report: assumed management action, the portfolio narrative, the capital
-- programme and the reserves. Amounts are pounds as written, as in V19.

-- The management action a directorate assumes it will take (− reduces the pressure); the position after it is worked out.
alter table forecast add column management_action numeric(21, 6);
alter table forecast drop constraint forecast_check;
alter table forecast add constraint forecast_has_a_figure
    check (variance_net is not null or adjustment is not null or last_reported is not null or management_action is not null);

-- What a portfolio (a heading of the book, usually a directorate) says of its month: the main reasons for the variance,
-- the actions required, what it means for the medium-term financial plan, and the roll-forward proposals.
create table budget_narrative (
    heading_id     bigint not null references budget_heading (id),
    month          date not null check (extract(day from month) = 1),
    reasons        text check (length(reasons) <= 8000),
    actions        text check (length(actions) <= 8000),
    mtfp           text check (length(mtfp) <= 8000),
    roll_forwards  text check (length(roll_forwards) <= 8000),
    entered_by     text not null,
    modified_at    timestamptz not null default now(),
    version        int not null default 0,
    primary key (heading_id, month)
);

-- A capital scheme of a directorate's programme; without a name, the directorate's programme as a whole where the
-- papers give it without its schemes. Spending beyond the approved cost needs the approval (the decision) recorded.
create table capital_scheme (
    id             bigserial primary key,
    directorate    text not null check (length(directorate) between 1 and 200),
    name           text check (length(name) between 1 and 200),
    approved_cost  numeric(21, 6) check (approved_cost >= 0),
    approval       text check (length(approval) <= 500),
    unique nulls not distinct (directorate, name)
);

-- A scheme's month: spend before this year and so far this year, this year's working budget and later years', the
-- year's variance split into real (a change in cost) and rephasing (spend moved between years), the position last
-- reported (the first month loaded only), whether it is delayed, and how it is funded.
create table capital_position (
    scheme_id           bigint not null references capital_scheme (id),
    month               date not null check (extract(day from month) = 1),
    previous_spend      numeric(21, 6) check (previous_spend >= 0),
    budget              numeric(21, 6),
    later_years         numeric(21, 6),
    spend_to_date       numeric(21, 6) check (spend_to_date >= 0),
    real_variance       numeric(21, 6),
    rephasing_variance  numeric(21, 6),
    last_real           numeric(21, 6),
    last_rephasing      numeric(21, 6),
    delayed             boolean,
    comment             text check (length(comment) <= 4000),
    entered_by          text not null,
    modified_at         timestamptz not null default now(),
    primary key (scheme_id, month)
);
create index capital_position_by_month on capital_position (month);

create table capital_funding (
    scheme_id  bigint not null references capital_scheme (id),
    month      date not null,
    source     text not null check (length(source) between 1 and 200),
    amount     numeric(21, 6) not null,
    primary key (scheme_id, month, source)
);

-- Revenue reserves: each reserve's balance at the start of the year and projected at its end as at a month, and
-- the movements that take one to the other. A group's balances (school reserves) are the sum of its reserves'.
create table reserve (
    id        bigserial primary key,
    grp       text check (length(grp) between 1 and 200),
    name      text not null check (length(name) between 1 and 200),
    position  int not null,
    unique nulls not distinct (grp, name)
);

create table reserve_balance (
    reserve_id  bigint not null references reserve (id),
    month       date not null check (extract(day from month) = 1),
    opening     numeric(21, 6) not null,
    projected   numeric(21, 6) not null,
    entered_by  text not null,
    modified_at timestamptz not null default now(),
    primary key (reserve_id, month)
);

create table reserve_movement (
    reserve_id   bigint not null references reserve (id),
    month        date not null,
    position     int not null,
    description  text not null check (length(description) between 1 and 1000),
    amount       numeric(21, 6) not null,
    primary key (reserve_id, month, position)
);

-- A directorate reported outside the council's headline total (the schools' delegated budgets, whose variance falls to
-- their own reserves): the position gives the total without it, then with it.
alter table budget_heading add column outside_headline boolean not null default false;

-- The budget monitoring report is a paper like the others, and an agenda may carry it as a standing item.
alter table paper drop constraint paper_kind_check;
alter table paper add constraint paper_kind_check check (kind in ('dashboard', 'qpr', 'exceptions', 'risks', 'budget'));
alter table agenda_item drop constraint agenda_item_standing_kind_check;
alter table agenda_item add constraint agenda_item_standing_kind_check check (standing_kind in ('dashboard', 'qpr', 'exceptions', 'risks', 'budget'));

-- One row, bumped in the same transaction as any change to what budget monitoring shows (as V6's for dashboards):
-- a month's book worked out under an older number is never served after a change.
create table finance_change (
    only_row    boolean primary key default true check (only_row),
    counter     bigint not null
);
insert into finance_change values (true, 0);

create function finance_changed() returns trigger language plpgsql as $$
begin
    update finance_change set counter = counter + 1;
    return null;
end $$;

create trigger budget_heading_changed after insert or update or delete or truncate on budget_heading for each statement execute function finance_changed();
create trigger cash_limit_changed after insert or update or delete or truncate on cash_limit for each statement execute function finance_changed();
create trigger forecast_changed after insert or update or delete or truncate on forecast for each statement execute function finance_changed();
create trigger activity_budget_changed after insert or update or delete or truncate on activity_budget for each statement execute function finance_changed();
create trigger budget_narrative_changed after insert or update or delete or truncate on budget_narrative for each statement execute function finance_changed();
create trigger capital_scheme_changed after insert or update or delete or truncate on capital_scheme for each statement execute function finance_changed();
create trigger capital_position_changed after insert or update or delete or truncate on capital_position for each statement execute function finance_changed();
create trigger capital_funding_changed after insert or update or delete or truncate on capital_funding for each statement execute function finance_changed();
create trigger reserve_changed after insert or update or delete or truncate on reserve for each statement execute function finance_changed();
create trigger reserve_balance_changed after insert or update or delete or truncate on reserve_balance for each statement execute function finance_changed();
create trigger reserve_movement_changed after insert or update or delete or truncate on reserve_movement for each statement execute function finance_changed();
