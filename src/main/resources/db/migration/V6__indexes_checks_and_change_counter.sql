-- Indexes the hot paths need (the latest month; revisions and risk children by their parent) and the
-- checks the enums always implied; and a change counter so dashboards can be reused until something changes.

create index observation_period on observation (period);
create index observation_revision_observation on observation_revision (observation_id);
create index risk_register_parent on risk_register (parent_id);
create index risk_control_risk on risk_control (risk_id);
create index risk_action_risk on risk_action (risk_id);
create index risk_review_risk on risk_review (risk_id, reviewed_on);
create index risk_movement_risk on risk_movement (risk_id);
create index risk_movement_from on risk_movement (from_register);
create index risk_movement_to on risk_movement (to_register);
create index published_rating_indicator on published_rating (indicator_id);

alter table published_rating add constraint published_rating_rag check (rag in ('GREEN', 'AMBER', 'RED', 'NOT_RATED'));
alter table published_rating add constraint published_rating_dot_previous check (dot_previous in ('IMPROVED', 'SAME', 'WORSENED'));
alter table published_rating add constraint published_rating_dot_outturn check (dot_outturn in ('IMPROVED', 'SAME', 'WORSENED'));
alter table risk add constraint risk_published_direction
    check (published_direction in ('DECREASED', 'INCREASED', 'SAME', 'NEW', 'CONTEXT_CHANGED'));
alter table risk_review add constraint risk_review_direction
    check (direction in ('DECREASED', 'INCREASED', 'SAME', 'NEW', 'CONTEXT_CHANGED'));

-- One row, bumped in the same transaction as any change to what a dashboard shows: a reader that
-- sees the new number also sees the change, so a dashboard kept under the old number is never served
-- after it.
create table performance_change (
    only_row    boolean primary key default true check (only_row),
    counter     bigint not null
);
insert into performance_change values (true, 0);

create function performance_changed() returns trigger language plpgsql as $$
begin
    update performance_change set counter = counter + 1;
    return null;
end $$;

create trigger indicator_changed after insert or update or delete or truncate on indicator for each statement execute function performance_changed();
create trigger observation_changed after insert or update or delete or truncate on observation for each statement execute function performance_changed();
create trigger target_year_changed after insert or update or delete or truncate on target_year for each statement execute function performance_changed();
create trigger target_phase_changed after insert or update or delete or truncate on target_phase for each statement execute function performance_changed();
create trigger activity_threshold_changed after insert or update or delete or truncate on activity_threshold for each statement execute function performance_changed();
create trigger outturn_changed after insert or update or delete or truncate on outturn for each statement execute function performance_changed();
create trigger publication_changed after insert or update or delete or truncate on publication for each statement execute function performance_changed();
create trigger published_rating_changed after insert or update or delete or truncate on published_rating for each statement execute function performance_changed();
