-- A published paper: the document exactly as it went out (its HTML and PDF, each with its SHA-256)
-- and the data it showed, as a version that never changes; republishing adds the next version.
create table paper (
    id            bigserial primary key,
    kind          text not null check (kind in ('dashboard')),
    period        date not null,
    scope         text not null default '',
    version       int not null check (version >= 1),
    html          text not null,
    html_sha256   text not null,
    pdf           bytea not null,
    pdf_sha256    text not null,
    data          jsonb not null,
    published_by  text not null,
    published_at  timestamptz not null default now(),
    unique (kind, period, scope, version)
);

-- Published means frozen: not even the application may change or remove a version once written.
create function paper_is_frozen() returns trigger language plpgsql as $$
begin
    raise exception 'a published paper cannot be changed or removed (paper %, version %)', old.id, old.version;
end $$;
create trigger paper_frozen before update or delete on paper for each row execute function paper_is_frozen();
