-- The papers beyond the monthly dashboard: the Quarterly Performance Report, the exception report and the risk register report.
alter table paper drop constraint paper_kind_check;
alter table paper add constraint paper_kind_check check (kind in ('dashboard', 'qpr', 'exceptions', 'risks'));

-- A Red indicator's exception report for a month: why it is Red, the action, by when and who owns it; or, instead,
-- the performance team's waiver with its reason. Either is needed before a paper showing the Red goes out.
create table exception_note (
    indicator_id  bigint not null,
    period        date not null,
    why           text check (length(why) <= 4000),
    action        text check (length(action) <= 4000),
    due           date,
    owner         text check (length(owner) <= 200),
    waived        boolean not null default false,
    waiver        text check (length(waiver) <= 2000),
    written_by    text not null,
    written_at    timestamptz not null default now(),
    version       int not null default 0,
    primary key (indicator_id, period),
    check (waived and waiver is not null and length(trim(waiver)) > 0
           or not waived and why is not null and action is not null and owner is not null and due is not null)
);

-- A version's title as it went out, for lists of papers (the versions before this kept it only inside their HTML).
alter table paper add column title text not null default '';
