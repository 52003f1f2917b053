-- The quarterly assessment's stored deadlines (V17) keep whether they were counted without a year's
-- holiday schedule (T3: provisional), like the other features' stored deadlines; a schedule load
-- moves them and their flags with the process's timers and due dates.
alter table assessment_quarter add column review_provisional boolean default false not null;
alter table assessment_quarter add column objection_provisional boolean default false not null;
alter table assessment_quarter add column finalize_provisional boolean default false not null;
alter table assessment_objection add column answer_provisional boolean default false not null;
