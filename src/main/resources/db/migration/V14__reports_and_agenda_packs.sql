-- A report on an agenda item, with the cover sheet the papers print (From, To, Decision No, Subject,
-- Classification, Past and Future Pathway, Electoral Division, Summary, Recommendation(s)).
create table report (
    agenda_item_id      bigint primary key references agenda_item (id),
    from_whom           text check (length(from_whom) <= 500),
    to_whom             text check (length(to_whom) <= 500),
    decision_no         text check (decision_no ~ '^[0-9]{2}/[0-9]{5}$'),
    classification      text not null default 'Unrestricted' check (length(classification) <= 100),
    past_pathway        text check (length(past_pathway) <= 1000),
    future_pathway      text check (length(future_pathway) <= 1000),
    electoral_division  text check (length(electoral_division) <= 500),
    summary             text check (length(summary) <= 5000),
    verb                text check (verb in ('CONSIDER', 'ENDORSE', 'NOTE', 'COMMENT')),
    recommendation      text check (length(recommendation) <= 5000),
    body                text check (length(body) <= 200000),
    modified_at         timestamptz not null default now(),
    version             int not null default 0
);

-- A meeting's agenda pack as the public received it: the agenda and every public item's report or paper, frozen.
create table agenda_pack (
    id            bigserial primary key,
    meeting_id    bigint not null references meeting (id),
    version       int not null check (version >= 1),
    pdf           bytea not null,
    pdf_sha256    text not null,
    pages         int not null,
    published_by  text not null,
    published_at  timestamptz not null default now(),
    unique (meeting_id, version)
);
create function agenda_pack_is_frozen() returns trigger language plpgsql as $$
begin
    raise exception 'a published agenda pack cannot be changed or removed (meeting %, version %)', old.meeting_id, old.version;
end $$;
create trigger agenda_pack_frozen before update or delete on agenda_pack for each row execute function agenda_pack_is_frozen();
