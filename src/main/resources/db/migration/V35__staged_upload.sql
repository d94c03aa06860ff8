-- A file uploaded to be checked before it is loaded: kept here, under a token only its uploader can use,
-- until it is loaded, replaced or a day old. In the database, not a session or a temp file, so that a check
-- survives a restart and any instance of the app serving the same database can load what another checked.
create table staged_upload (
    token      uuid        primary key,
    kind       text        not null,
    username   text        not null,
    file_name  text        not null,
    content    bytea       not null,
    staged_at  timestamptz not null default now()
);
create index staged_upload_staged_at on staged_upload (staged_at);
