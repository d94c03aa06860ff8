-- Activity against affordable levels, the rest of it: the activity actually seen to date (or at the month's end, for a
-- count of clients), and the indicator, by its ref, that measures the same activity (the dashboard shows the budget beside it).
alter table activity_budget add column actual_units numeric(21, 6) check (actual_units >= 0);
alter table activity_budget add column indicator_ref text check (length(indicator_ref) between 1 and 40);

-- A cash limit change takes effect from the month whose file made it: the months before keep the cash limit they had.
alter table cash_limit_change add column month date check (extract(day from month) = 1);
create index cash_limit_change_by_heading on cash_limit_change (heading_id, year);

-- The counter moves once per transaction, not once per statement: a month's file is thousands of statements in one
-- transaction, and updating one row thousands of times in it costs more each time. Whoever reads the new number still
-- reads the whole change, as it commits with it.
create or replace function finance_changed() returns trigger language plpgsql as $$
begin
    update finance_change set counter = counter + 1 where xmin <> xid(pg_current_xact_id());
    return null;
end $$;
