-- A late step's proposal is raised once however often its domain event is delivered: the step's
-- key (trigger, subject, event, stage, level, deadline) is unique, so two nodes delivering the same
-- publication at once insert one row (accountability.AccountabilityProposals#raiseForLateStep).
-- Proposals raised before this migration have no key. Valid on H2 and PostgreSQL.
alter table accountability_proposal add column step_key varchar(600);
create unique index accountability_proposal_step_key on accountability_proposal (step_key);

-- A domain event names everyone who answers for a step: its payload may outgrow 4,000 characters.
alter table event_publication alter column serialized_event set data type varchar(1000000);
