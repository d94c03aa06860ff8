-- The inherent rating: the risk before any control, recorded where a register keeps it.
alter table risk add column inherent_likelihood int, add column inherent_impact int, add column inherent_score int;
