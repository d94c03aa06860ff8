-- When an account's password last changed: a web session signed in before then ends (SessionAccounts).
alter table app_user add column password_changed_at timestamptz not null default now();
