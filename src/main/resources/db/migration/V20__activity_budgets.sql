-- Activity against affordable levels for the highest-risk budgets, by month: the budgeted activity and its
-- unit cost, the forecast and its unit cost. The volume and price variances are worked out, never stored.
create table activity_budget (
    service             text not null check (length(service) between 1 and 200),
    month               date not null check (extract(day from month) = 1),
    affordable_units    numeric(21, 6) check (affordable_units >= 0),
    forecast_units      numeric(21, 6) check (forecast_units >= 0),
    budget_unit_cost    numeric(21, 6) check (budget_unit_cost >= 0),
    forecast_unit_cost  numeric(21, 6) check (forecast_unit_cost >= 0),
    entered_by          text not null,
    modified_at         timestamptz not null default now(),
    primary key (service, month)
);
