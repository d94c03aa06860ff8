-- A publication keeps everything its lines show, so later edits to an indicator (its title, its
-- division), later figures and new indicators never change what the public reads.
alter table published_rating
    add column ref           text,
    add column title         text,
    add column kind          text,
    add column polarity      text,
    add column unit          text,
    add column decimals      int,
    add column section       text,
    add column data_period   text,
    add column directorate   text,
    add column division      text,
    add column portfolio     text,
    add column previous      numeric,
    add column outturn       numeric,
    add column tolerance     numeric,
    add column lower_bound   numeric,
    add column upper_bound   numeric,
    add column activity_range text check (activity_range in ('BELOW', 'WITHIN', 'ABOVE'));

update published_rating r set ref = i.ref, title = i.title, kind = i.kind, polarity = i.polarity, unit = i.unit,
    decimals = i.decimals, section = i.section, data_period = i.data_period, directorate = i.directorate,
    division = i.division, portfolio = i.portfolio
from indicator i where i.id = r.indicator_id;

alter table published_rating
    alter column ref set not null,
    alter column title set not null,
    alter column kind set not null,
    alter column unit set not null,
    alter column decimals set not null;

-- Every stored figure fits 15 digits before the point and 6 after, as the application checks.
create function oversight_figure_fits(n numeric) returns boolean language sql immutable as $$
    select n is null or (abs(n) < 1e15 and scale(trim_scale(n)) <= 6)
$$;

alter table observation add constraint observation_figures_fit
    check (oversight_figure_fits(value) and oversight_figure_fits(numerator) and oversight_figure_fits(denominator));
alter table observation_revision add constraint observation_revision_figures_fit
    check (oversight_figure_fits(value) and oversight_figure_fits(numerator) and oversight_figure_fits(denominator));
alter table target_year add constraint target_year_figures_fit
    check (oversight_figure_fits(target) and oversight_figure_fits(floor_value) and oversight_figure_fits(tolerance));
alter table target_phase add constraint target_phase_figures_fit
    check (oversight_figure_fits(target) and oversight_figure_fits(floor_value));
alter table activity_threshold add constraint activity_threshold_figures_fit
    check (oversight_figure_fits(lower_bound) and oversight_figure_fits(upper_bound));
alter table outturn add constraint outturn_figure_fits check (oversight_figure_fits(value));
alter table observation add constraint observation_period_plausible check (period >= date '1990-01-01' and period < date '2200-01-01');

-- Personal API tokens: only a hash is kept; the token itself is shown once, when it is made.
create table api_token (
    id          bigserial primary key,
    user_id     bigint not null references app_user (id) on delete cascade,
    name        text not null check (length(name) between 1 and 100),
    token_hash  text not null unique,
    prefix      text not null,
    created_at  timestamptz not null default now(),
    last_used   timestamptz,
    revoked_at  timestamptz
);
create index api_token_user on api_token (user_id);
