-- What the publisher accepted when the checks found something, and why: shown with the version.
alter table paper add column findings jsonb not null default '[]', add column reason text;
