-- The open step's deadlines, computed once when the step opens (acceptance) or is accepted
-- (handling) and kept here (issue 12 A4): the timers, the tasks' due dates, the notices, the
-- lateness of a completed step, the event view, the work list and the supervisors' lists read them.
-- *_remind_at is the reminder one working day before; *_provisional says the deadline was counted
-- without a year's holiday schedule (T3). A 督办 (S1) keeps its own deadline in step_supervision_*
-- while it is in force; step_supervision_late is set when it ran out with the step open.
-- A holiday schedule load moves these columns with the timers and due dates (the registry's rows
-- of target type STORED). Steps open when this runs are filled at start-up by the application
-- (event.StepDeadlineBackfill), which can count working days; SQL cannot.
alter table event add column step_accept_by timestamp with time zone;
alter table event add column step_accept_remind_at timestamp with time zone;
alter table event add column step_accept_provisional boolean default false not null;
alter table event add column step_handle_by timestamp with time zone;
alter table event add column step_handle_remind_at timestamp with time zone;
alter table event add column step_handle_provisional boolean default false not null;
alter table event add column step_supervision_due timestamp with time zone;
alter table event add column step_supervision_provisional boolean default false not null;
alter table event add column step_supervision_late boolean default false not null;

-- a deadline kept on a feature's own row is remembered for the recompute too (T3)
alter table working_day_deadline drop constraint working_day_deadline_target;
alter table working_day_deadline add constraint working_day_deadline_target
  check (target_type in ('TIMER', 'TASK_DUE', 'TASK_FOLLOW_UP', 'STORED'));
