-- Risk: registers in a hierarchy, each on its own matrix; risks keep their code for life.
create table risk_register (
    id          bigserial primary key,
    code        text not null unique,
    name        text not null,
    parent_id   bigint references risk_register (id),
    level       text not null check (level in ('CORPORATE', 'DIRECTORATE', 'DIVISION', 'PROJECT')),
    matrix      jsonb not null,
    version     int not null default 0
);

create table risk (
    id                  bigserial primary key,
    code                text not null unique,
    register_id         bigint not null references risk_register (id),
    title               text not null,
    risk_types          text[] not null default '{}',
    cause               text,
    event               text,
    consequence         text,
    owners              text[] not null default '{}',
    cabinet_members     text[] not null default '{}',
    indicator_refs      text[] not null default '{}',
    current_likelihood  int,
    current_impact      int,
    current_score       int not null check (current_score between 1 and 100),
    target_likelihood   int,
    target_impact       int,
    target_score        int,
    previous_score      int,
    published_direction text,
    last_review         date,
    next_review         date,
    closed_on           date,
    closed_reason       text,
    version             int not null default 0
);
create index risk_register_idx on risk (register_id);

create table risk_control (
    id          bigserial primary key,
    risk_id     bigint not null references risk (id) on delete cascade,
    title       text not null,
    owner       text
);

create table risk_action (
    id          bigserial primary key,
    risk_id     bigint not null references risk (id) on delete cascade,
    title       text not null,
    owner       text,
    type        text check (type in ('ACCEPTED', 'PROPOSED')),
    planned     text,
    due         date,
    status      text not null default 'OUTSTANDING' check (status in ('OUTSTANDING', 'COMPLETED')),
    version     int not null default 0
);

create table risk_review (
    id                  bigserial primary key,
    risk_id             bigint not null references risk (id) on delete cascade,
    reviewed_on         date not null,
    reviewer            text not null,
    current_likelihood  int,
    current_impact      int,
    current_score       int not null,
    target_likelihood   int,
    target_impact       int,
    target_score        int,
    previous_score      int,
    direction           text not null,
    comment             text,
    next_review         date not null
);

create table risk_movement (
    id              bigserial primary key,
    risk_id         bigint not null references risk (id) on delete cascade,
    from_register   bigint not null references risk_register (id),
    to_register     bigint not null references risk_register (id),
    kind            text not null check (kind in ('ESCALATED', 'DE_ESCALATED', 'MOVED')),
    moved_by        text not null,
    moved_at        timestamptz not null default now(),
    reason          text not null
);
