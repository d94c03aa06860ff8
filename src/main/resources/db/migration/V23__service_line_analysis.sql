-- The position cut by service line (Appendix 1 of the report): the same ledger as the budget book's headings, grouped
-- another way, each line's cash limit (gross, income, net) and forecast variance before the Corporate Director's
-- adjustments, with its movement since the last report. A month's lines are loaded whole; their totals are worked out.
-- rounded_to: what the line's figures were written to, in pounds (100000 for £0.1m), which its checks allow for.
create table service_line_position (
    month         date not null check (extract(day from month) = 1),
    position      int not null,
    directorate   text not null check (length(directorate) between 1 and 200),
    division      text check (length(division) between 1 and 200),
    name          text not null check (length(name) between 1 and 200),
    cash_gross    numeric(21, 6),
    cash_income   numeric(21, 6) check (cash_income <= 0),
    cash_net      numeric(21, 6),
    variance_net  numeric(21, 6),
    movement      numeric(21, 6),
    rounded_to    numeric(21, 6) not null check (rounded_to > 0),
    entered_by    text not null,
    modified_at   timestamptz not null default now(),
    primary key (month, position)
);

create trigger service_line_position_changed after insert or update or delete or truncate on service_line_position
    for each statement execute function finance_changed();
