-- A scheme's month may be typed on a form as well as loaded from the month's file: saved against the version read.
alter table capital_position add column version int not null default 0;
