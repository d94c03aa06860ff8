-- Governance: committees and their members, meetings and their agendas. Rows are never removed: a
-- deleted one is kept with its deletion time, so the open-data API can say it is gone (OParl tombstones).
create table person (
    id          bigserial primary key,
    name        text not null check (length(name) between 1 and 200),
    party       text check (length(party) <= 200),
    created_at  timestamptz not null default now(),
    modified_at timestamptz not null default now(),
    deleted_at  timestamptz,
    unique (name)
);

create table committee (
    id                 bigserial primary key,
    code               text not null unique check (code ~ '^[a-z0-9-]{2,60}$'),
    name               text not null unique check (length(name) between 1 and 200),
    kind               text not null check (kind in ('CABINET', 'CABINET_COMMITTEE', 'PANEL', 'BOARD', 'COMMITTEE')),
    terms_of_reference text check (length(terms_of_reference) <= 20000),
    created_at         timestamptz not null default now(),
    modified_at        timestamptz not null default now(),
    deleted_at         timestamptz,
    version            int not null default 0
);

create table membership (
    id            bigserial primary key,
    committee_id  bigint not null references committee (id),
    person_id     bigint not null references person (id),
    role          text not null check (role in ('CHAIRMAN', 'VICE_CHAIRMAN', 'MEMBER', 'SUBSTITUTE')),
    start_date    date,
    end_date      date,
    created_at    timestamptz not null default now(),
    modified_at   timestamptz not null default now(),
    deleted_at    timestamptz,
    check (end_date is null or end_date >= start_date)
);
create index membership_by_committee on membership (committee_id, person_id);

create table meeting (
    id            bigserial primary key,
    committee_id  bigint not null references committee (id),
    starts_at     timestamp not null,
    ends_at       timestamp,
    location      text check (length(location) <= 300),
    webcast       text check (length(webcast) <= 500),
    status        text not null default 'SCHEDULED' check (status in ('SCHEDULED', 'HELD', 'CANCELLED', 'POSTPONED')),
    created_at    timestamptz not null default now(),
    modified_at   timestamptz not null default now(),
    deleted_at    timestamptz,
    version       int not null default 0,
    check (ends_at is null or ends_at > starts_at)
);
create index meeting_by_committee on meeting (committee_id, starts_at);

-- Agenda items in the papers' sections: A committee business, B key or significant decisions, C other items for comment,
-- D performance monitoring, E for information. An exempt item is kept out of every public output.
-- A standing item names a kind of paper (and its scope): the latest published one is attached when the agenda is read.
create table agenda_item (
    id              bigserial primary key,
    meeting_id      bigint not null references meeting (id),
    number          int not null check (number between 1 and 999),
    section         text not null check (section in ('A', 'B', 'C', 'D', 'E')),
    title           text not null check (length(title) between 1 and 500),
    description     text check (length(description) <= 5000),
    exempt          boolean not null default false,
    standing_kind   text check (standing_kind in ('dashboard', 'qpr', 'exceptions', 'risks')),
    standing_scope  text not null default '' check (length(standing_scope) <= 200),
    created_at      timestamptz not null default now(),
    modified_at     timestamptz not null default now(),
    deleted_at      timestamptz,
    unique (meeting_id, number)
);

-- The papers published (from the publishing module's events): a standing item shows the latest of its kind and scope.
create table published_paper (
    kind          text not null,
    scope         text not null,
    period        date not null,
    version       int not null,
    title         text not null,
    published_at  timestamptz not null default now(),
    primary key (kind, scope, period, version)
);

-- The papers published before this table existed.
insert into published_paper (kind, scope, period, version, title, published_at)
select kind, scope, period, version, title, published_at from paper;
