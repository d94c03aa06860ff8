-- Items members asked the committee to consider, for the work programme: placed at a meeting or not yet.
create table work_request (
    id            bigserial primary key,
    committee_id  bigint not null references committee (id),
    title         text not null check (length(title) between 1 and 500),
    requested_by  text check (length(requested_by) <= 200),
    meeting_id    bigint references meeting (id),
    created_at    timestamptz not null default now(),
    modified_at   timestamptz not null default now()
);
