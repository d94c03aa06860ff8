-- A directorate's summary on one sheet (its ratings, risks, budget and committee business) is a paper of its own, and a standing item may carry it.
alter table paper drop constraint paper_kind_check;
alter table paper add constraint paper_kind_check check (kind in ('dashboard', 'qpr', 'exceptions', 'risks', 'budget', 'rates', 'directorate'));
alter table agenda_item drop constraint agenda_item_standing_kind_check;
alter table agenda_item add constraint agenda_item_standing_kind_check check (standing_kind in ('dashboard', 'qpr', 'exceptions', 'risks', 'budget', 'rates', 'directorate'));
