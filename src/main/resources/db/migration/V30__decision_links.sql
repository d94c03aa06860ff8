-- The agenda item that took a decision (for one sent to committee, the item that endorsed it), chosen from the committee's agenda:
-- the decision's page links the item and its meeting, the item's page the decision and its record.
alter table decision add column agenda_item_id bigint references agenda_item (id);
create index decision_by_agenda_item on decision (agenda_item_id);

-- Items already on an agenda under a decision's number, as the papers title them ("18/00067 - Proposed Revision of …"), at a meeting
-- of the committee it was sent to: the link the title already made, recorded.
update decision d set agenda_item_id = (
    select i.id from agenda_item i join meeting m on m.id = i.meeting_id
    where m.committee_id = d.committee_id and i.deleted_at is null and m.deleted_at is null and i.title like d.number || ' %'
    order by m.starts_at desc limit 1)
where d.committee_id is not null;

-- A report's decision is one that exists (the form chooses it from the list). Reports written before keep their number unchecked:
-- a number they gave that names no decision stays as the papers printed it.
alter table report add constraint report_decision foreign key (decision_no) references decision (number) not valid;
