-- Spring Modulith's event publication registry (JDBC, the columns of its 1.4 schema): one row per
-- domain event and listener, written in the publishing transaction, completed when the listener
-- returned. An incomplete row is delivered again (accountability.ProposalRedelivery), so a domain
-- event between features outlives a failing listener or a crash (docs/architecture.md).
-- Valid on H2 and PostgreSQL; the registry's own schema initialisation stays off.
create table event_publication (
  id               uuid          not null primary key,
  listener_id      varchar(512)  not null,
  event_type       varchar(512)  not null,
  serialized_event varchar(4000) not null,
  publication_date timestamp with time zone not null,
  completion_date  timestamp with time zone
);
create index event_publication_by_completion_date on event_publication (completion_date);
create index event_publication_by_listener on event_publication (listener_id);
