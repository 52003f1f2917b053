-- C5 (S0 第六条(一)): who holds a decided talk (约谈) — the people named by the DMN table
-- accountability-talk-conductor's role in the subject's village or township, or the case's
-- investigators when nobody holds it — and the talk's record: when it was held and what was said.
alter table accountability_case add column talk_conductors varchar(1000);
alter table accountability_case add column talk_conductors_vacant boolean default false not null;
alter table accountability_case add column talk_held_on date;
alter table accountability_case add column talk_record varchar(4000);
alter table accountability_case add column talk_recorded_by varchar(64);
alter table accountability_case add column talk_recorded_at timestamp with time zone;
