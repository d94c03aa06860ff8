-- Once a meeting's minutes are approved, its agenda and the reports on its items are the record of what it considered:
-- not even the application may change them (as the minutes themselves, V16).
create function meeting_minutes_approved(m bigint) returns void language plpgsql as $$
begin
    if exists (select 1 from minutes where meeting_id = m and approved_at_meeting is not null) then
        raise exception 'the minutes of meeting % are approved: its agenda and reports cannot be changed', m;
    end if;
end $$;

create function agenda_item_is_approved() returns trigger language plpgsql as $$
begin
    if tg_op <> 'INSERT' then
        perform meeting_minutes_approved(old.meeting_id);
    end if;
    if tg_op <> 'DELETE' then
        perform meeting_minutes_approved(new.meeting_id);
    end if;
    return coalesce(new, old);
end $$;
create trigger agenda_item_approved before insert or update or delete on agenda_item for each row execute function agenda_item_is_approved();

create function report_is_approved() returns trigger language plpgsql as $$
begin
    if tg_op <> 'INSERT' then
        perform meeting_minutes_approved((select meeting_id from agenda_item where id = old.agenda_item_id));
    end if;
    if tg_op <> 'DELETE' then
        perform meeting_minutes_approved((select meeting_id from agenda_item where id = new.agenda_item_id));
    end if;
    return coalesce(new, old);
end $$;
create trigger report_approved before insert or update or delete on report for each row execute function report_is_approved();

-- What the delays feed last wrote as an indicator's figure for a month: a figure held that is not it is the indicator's own
-- (typed or imported), which the feed replaces only when the change that would replace it says to.
create table delay_fed_figure (
    indicator_id  bigint not null references indicator (id) on delete cascade,
    month         date not null check (extract(day from month) = 1),
    value         numeric not null,
    primary key (indicator_id, month)
);
