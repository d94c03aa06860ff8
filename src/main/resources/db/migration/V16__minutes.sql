-- A meeting's minutes: who was there, apologies and substitutes, interests declared, and each minute with its
-- discussion and resolution ("RESOLVED that ...", with the votes when there was a vote); a draft until a later
-- meeting of the committee approves them, after which they do not change.
create table minutes (
    meeting_id           bigint primary key references meeting (id),
    present              text check (length(present) <= 5000),
    apologies            text check (length(apologies) <= 5000),
    substitutes          text check (length(substitutes) <= 5000),
    declarations         text check (length(declarations) <= 5000),
    approved_at_meeting  bigint references meeting (id),
    approved_on          date,
    modified_at          timestamptz not null default now(),
    version              int not null default 0
);

create table minute (
    id          bigserial primary key,
    meeting_id  bigint not null references minutes (meeting_id),
    number      int not null check (number between 1 and 999),
    title       text not null check (length(title) between 1 and 500),
    discussion  text check (length(discussion) <= 20000),
    resolved    text check (length(resolved) <= 5000),
    votes_for   int check (votes_for >= 0),
    against     int check (against >= 0),
    abstained   int check (abstained >= 0),
    exempt      boolean not null default false,
    unique (meeting_id, number),
    check ((votes_for is null) = (against is null) and (against is null) = (abstained is null))
);

-- Approved minutes are the record: not even the application may change them.
create function minutes_are_approved() returns trigger language plpgsql as $$
begin
    if old.approved_at_meeting is not null then
        raise exception 'the minutes of meeting % are approved and cannot be changed', old.meeting_id;
    end if;
    return coalesce(new, old);
end $$;
create trigger minutes_approved before update or delete on minutes for each row execute function minutes_are_approved();

create function minute_is_approved() returns trigger language plpgsql as $$
declare m bigint;
begin
    if tg_op = 'INSERT' then
        m := new.meeting_id;
    else
        m := old.meeting_id;
    end if;
    if exists (select 1 from minutes where meeting_id = m and approved_at_meeting is not null) then
        raise exception 'the minutes of meeting % are approved and cannot be changed', m;
    end if;
    return coalesce(new, old);
end $$;
create trigger minute_approved before insert or update or delete on minute for each row execute function minute_is_approved();
