-- Sign-in: local accounts (password_hash null for single sign-on), roles, and what a data owner looks after.
create table app_user (
    id                      bigserial primary key,
    username                text not null unique,
    display_name            text not null,
    password_hash           text,
    roles                   text[] not null default '{}',
    divisions               text[] not null default '{}',
    indicator_refs          text[] not null default '{}',
    enabled                 boolean not null default true,
    failed_logins           int not null default 0,
    locked_until            timestamptz,
    must_change_password    boolean not null default false,
    created_at              timestamptz not null default now(),
    version                 int not null default 0
);

-- The audit trail: who changed what, when, with the values before and after. Append-only.
create table audit_event (
    id              bigserial primary key,
    at              timestamptz not null default clock_timestamp(),
    actor           text not null,
    action          text not null,
    record_type     text not null,
    record_id       text,
    summary         text,
    before          jsonb,
    after           jsonb
);
create index audit_event_record on audit_event (record_type, record_id);
create index audit_event_actor on audit_event (actor, at);
create index audit_event_at on audit_event (at);

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail cannot be altered';
end $$;

create trigger audit_event_append_only before update or delete or truncate on audit_event
    for each statement execute function audit_event_append_only();
