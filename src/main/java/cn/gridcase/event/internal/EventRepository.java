package cn.gridcase.event.internal;

import cn.gridcase.calendar.Deadline;
import cn.gridcase.event.AgreementForm;
import cn.gridcase.event.EventCategory;
import cn.gridcase.event.EventFilter;
import cn.gridcase.event.EventLevel;
import cn.gridcase.event.EventReport;
import cn.gridcase.event.EventStatus;
import cn.gridcase.event.EventStep;
import cn.gridcase.event.OverdueOpenStep;
import cn.gridcase.event.OverdueStepFilter;
import cn.gridcase.event.Party;
import cn.gridcase.event.ReportedEvent;
import cn.gridcase.event.Satisfaction;
import cn.gridcase.event.StepDeadlineSql;
import cn.gridcase.platform.Databases;
import cn.gridcase.platform.EngineTables;
import cn.gridcase.platform.GridCaseTime;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The event tables: events, their parties, their steps and the number counters. */
@Repository
public class EventRepository {

  private static final Object CACHE_KEY = EventRepository.class.getName() + ".events";

  private final JdbcTemplate jdbc;

  private final String nextNumberSql;

  EventRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    boolean postgres = Databases.isPostgres(jdbc.getDataSource());
    // one statement that increments and reads: run in autocommit, the row lock lasts that statement
    // only, never a round trip to the client (every report of the day queues on this row)
    this.nextNumberSql =
        postgres
            ? "update event_number_counter set last_value = last_value + 1 where day = ? returning"
                + " last_value"
            : "select last_value from final table (update event_number_counter set last_value ="
                + " last_value + 1 where day = ?)";
  }

  /**
   * Takes the next number of the day, or -1 when the day has no counter yet. Call outside any
   * transaction (autocommit): a transaction would hold the day's row lock until it ends.
   */
  public int nextNumberOf(LocalDate day) {
    List<Integer> value = jdbc.queryForList(nextNumberSql, Integer.class, Date.valueOf(day));
    return value.isEmpty() ? -1 : value.get(0);
  }

  /**
   * The events a user reported in a period (username, from, to): every column it names is in the
   * key of {@code event_by_reporter} (Flyway V13).
   */
  public static final String REPORTED_BY_SQL =
      "select number, category, grid_code, reported_at from event where reported_by = ?"
          + " and reported_at >= ? and reported_at < ? order by reported_at, number";

  /** The events a user reported in {@code [from, to)}, oldest first. */
  public List<ReportedEvent> reportedBy(String username, OffsetDateTime from, OffsetDateTime to) {
    return jdbc.query(
        REPORTED_BY_SQL,
        (rs, row) ->
            new ReportedEvent(
                rs.getString("number"),
                EventCategory.valueOf(rs.getString("category")),
                rs.getString("grid_code"),
                GridCaseTime.at(rs.getTimestamp("reported_at"))),
        username,
        Timestamp.from(from.toInstant()),
        Timestamp.from(to.toInstant()));
  }

  public void createCounter(LocalDate day) {
    jdbc.update(
        "insert into event_number_counter (day, last_value) values (?, 0)", Date.valueOf(day));
  }

  public long insert(
      EventReport report,
      String number,
      String villageCode,
      String townshipCode,
      OffsetDateTime reportedAt,
      String reportedBy,
      EventStatus status,
      EventLevel level,
      String unitCode) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(
        connection -> {
          PreparedStatement insert =
              connection.prepareStatement(
                  "insert into event (number, category, title, grid_code, village_code,"
                      + " township_code, occurred_at, location, persons, cause, course, major,"
                      + " reported_at, reported_by, status, level, unit_code, overdue_acceptance,"
                      + " overdue_handling, beijing_petition) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                      + " ?, ?, ?, ?, ?, ?, ?, false, false, ?)",
                  new String[] {"id"});
          int i = 0;
          insert.setString(++i, number);
          insert.setString(++i, report.category().name());
          insert.setString(++i, report.title().trim());
          insert.setString(++i, report.gridCode());
          insert.setString(++i, villageCode);
          insert.setString(++i, townshipCode);
          insert.setTimestamp(++i, Timestamp.from(report.occurredAt().toInstant()));
          insert.setString(++i, report.location().trim());
          insert.setString(++i, report.persons().trim());
          insert.setString(++i, report.cause().trim());
          insert.setString(++i, report.course().trim());
          insert.setBoolean(++i, report.isMajor());
          insert.setTimestamp(++i, Timestamp.from(reportedAt.toInstant()));
          insert.setString(++i, reportedBy);
          insert.setString(++i, status.name());
          insert.setString(++i, level.name());
          insert.setString(++i, unitCode);
          insert.setBoolean(++i, report.isBeijingPetition());
          return insert;
        },
        keys);
    long id = keys.getKey().longValue();
    List<Party> parties = report.parties() == null ? List.of() : report.parties();
    List<Object[]> rows = new ArrayList<>();
    for (int p = 0; p < parties.size(); p++) {
      String phone = parties.get(p).phone();
      rows.add(
          new Object[] {
            id,
            p + 1,
            parties.get(p).name().trim(),
            phone == null || phone.isBlank() ? null : phone.trim()
          });
    }
    if (!rows.isEmpty()) {
      jdbc.batchUpdate(
          "insert into event_party (event_id, position, name, phone) values (?, ?, ?, ?)", rows);
    }
    return id;
  }

  /**
   * The event with its parties. Within a transaction the answer is kept until this repository
   * writes: one step of the process asks for its event several times (service task, candidate
   * group, due date, timers).
   */
  /** The number of the event with this id (a registry key names the id). */
  Optional<String> numberOf(long id) {
    return jdbc.queryForList("select number from event where id = ?", String.class, id).stream()
        .findFirst();
  }

  public Optional<Event> find(String number) {
    Map<String, Event> cache = transactionCache();
    Event cached = cache == null ? null : cache.get(number);
    if (cached != null) {
      return Optional.of(cached);
    }
    List<Event> found = jdbc.query("select * from event where number = ?", this::event, number);
    Optional<Event> event = found.stream().findFirst().map(e -> withParties(e));
    if (cache != null) {
      event.ifPresent(e -> cache.put(number, e));
    }
    return event;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Event> transactionCache() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    Map<String, Event> cache =
        (Map<String, Event>) TransactionSynchronizationManager.getResource(CACHE_KEY);
    if (cache == null) {
      Map<String, Event> created = new HashMap<>();
      TransactionSynchronizationManager.bindResource(CACHE_KEY, created);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(CACHE_KEY);
            }
          });
      cache = created;
    }
    return cache;
  }

  /** Every write forgets what this transaction read. */
  private void changed() {
    Map<String, Event> cache =
        TransactionSynchronizationManager.isSynchronizationActive() ? transactionCache() : null;
    if (cache != null) {
      cache.clear();
    }
  }

  private Event withParties(Event event) {
    List<Party> parties =
        jdbc.query(
            "select name, phone from event_party where event_id = ? order by position",
            (rs, i) -> new Party(rs.getString(1), rs.getString(2)),
            event.id());
    return new Event(
        event.id(),
        event.number(),
        event.category(),
        event.title(),
        event.gridCode(),
        event.villageCode(),
        event.townshipCode(),
        event.occurredAt(),
        event.location(),
        event.persons(),
        event.cause(),
        event.course(),
        event.major(),
        event.reportedAt(),
        event.reportedBy(),
        event.status(),
        event.level(),
        event.unitCode(),
        event.departmentCode(),
        event.overdueAcceptance(),
        event.overdueHandling(),
        event.resolution(),
        event.countyDepartment(),
        event.satisfaction(),
        event.feedbackComment(),
        parties,
        event.step(),
        event.beijingPetition());
  }

  /** A page of events matching the filter, newest first, limited to the units the caller sees. */
  public List<Event> list(EventFilter filter, Visibility visibility, int offset, int limit) {
    return list(filter, visibility, offset, limit, false);
  }

  /**
   * As {@link #list(EventFilter, Visibility, int, int)}; {@code openFirst}: events still open
   * before closed and referred ones.
   */
  public List<Event> list(
      EventFilter filter, Visibility visibility, int offset, int limit, boolean openFirst) {
    List<Object> args = new ArrayList<>();
    String where = where(filter, visibility, args);
    args.add(limit);
    args.add(offset);
    String order =
        (openFirst
                ? " order by case when status in ('CLOSED', 'REFERRED_TO_COUNTY') then 1 else 0"
                    + " end,"
                : " order by")
            + " reported_at desc, id desc";
    return jdbc.query(
        "select * from event" + where + order + " limit ? offset ?", this::event, args.toArray());
  }

  public long count(EventFilter filter, Visibility visibility) {
    List<Object> args = new ArrayList<>();
    Long count =
        jdbc.queryForObject(
            "select count(*) from event" + where(filter, visibility, args),
            Long.class,
            args.toArray());
    return count == null ? 0 : count;
  }

  private static String where(EventFilter filter, Visibility visibility, List<Object> args) {
    StringBuilder sql = new StringBuilder(" where 1 = 1");
    if (!visibility.all()) {
      sql.append(" and (")
          .append(in("grid_code", visibility.grids(), args))
          .append(" or ")
          .append(in("department_code", visibility.departments(), args))
          .append(" or ")
          .append(in("township_code", visibility.townships(), args))
          .append(")");
    }
    if (filter.status() != null) {
      sql.append(" and status = ?");
      args.add(filter.status().name());
    }
    if (filter.level() != null) {
      sql.append(" and level = ?");
      args.add(filter.level().name());
    }
    if (filter.gridCode() != null) {
      sql.append(" and grid_code = ?");
      args.add(filter.gridCode());
    }
    if (filter.overdue() != null) {
      sql.append(
          filter.overdue()
              ? " and (overdue_acceptance or overdue_handling)"
              : " and not overdue_acceptance and not overdue_handling");
    }
    return sql.toString();
  }

  private static String in(String column, Collection<String> values, List<Object> args) {
    if (values.isEmpty()) {
      return "1 = 0";
    }
    args.addAll(values);
    return column + " in (" + String.join(", ", Collections.nCopies(values.size(), "?")) + ")";
  }

  /**
   * A unit receives the event: it moves there (status, level, unit, department) and a new step
   * opens with the township's limits and, when self-accepted, its acceptance. One statement: this
   * runs in every report.
   */
  public void receive(
      long id,
      EventStatus status,
      EventLevel level,
      String unitCode,
      String departmentCode,
      OffsetDateTime receivedAt,
      int acceptDays,
      int handleDays,
      OffsetDateTime acceptedAt,
      String acceptedBy,
      StepDeadlines.Limit acceptance,
      StepDeadlines.Limit handling) {
    changed();
    jdbc.update(
        "update event set status = ?, level = ?, unit_code = ?, department_code = coalesce(?,"
            + " department_code), step_received_at = ?, step_accept_days = ?, step_handle_days = ?,"
            + " step_accepted_at = ?, step_accepted_by = ?, step_late_acceptance = false,"
            + " step_late_handling = false, step_accept_by = ?, step_accept_remind_at = ?,"
            + " step_accept_provisional = ?, step_handle_by = ?, step_handle_remind_at = ?,"
            + " step_handle_provisional = ?, step_supervision_due = null,"
            + " step_supervision_provisional = false, step_supervision_late = false where id = ?",
        status.name(),
        level.name(),
        unitCode,
        departmentCode,
        Timestamp.from(receivedAt.toInstant()),
        acceptDays,
        handleDays,
        acceptedAt == null ? null : Timestamp.from(acceptedAt.toInstant()),
        acceptedBy,
        ts(acceptance.deadline().deadline()),
        ts(acceptance.reminder().deadline()),
        acceptance.deadline().provisional(),
        handling == null ? null : ts(handling.deadline().deadline()),
        handling == null ? null : ts(handling.reminder().deadline()),
        handling != null && handling.deadline().provisional(),
        id);
  }

  /**
   * The step is accepted: its handling deadlines start, a 督办 given on the acceptance no longer
   * applies.
   */
  void stepAccepted(long id, OffsetDateTime at, String by, StepDeadlines.Limit handling) {
    changed();
    jdbc.update(
        "update event set status = 'IN_HANDLING', step_accepted_at = ?, step_accepted_by = ?,"
            + " step_handle_by = ?, step_handle_remind_at = ?, step_handle_provisional = ?,"
            + " step_supervision_due = null, step_supervision_provisional = false,"
            + " step_supervision_late = false where id = ?",
        Timestamp.from(at.toInstant()),
        by,
        ts(handling.deadline().deadline()),
        ts(handling.reminder().deadline()),
        handling.deadline().provisional(),
        id);
  }

  /**
   * A 督办 (S1) gives the open step a deadline of its own, in force until the step ends or the next
   * 督办.
   */
  void supervised(long id, Deadline deadline) {
    changed();
    jdbc.update(
        "update event set step_supervision_due = ?, step_supervision_provisional = ?,"
            + " step_supervision_late = false where id = ?",
        ts(deadline.deadline()),
        deadline.provisional(),
        id);
  }

  /** The 督办's deadline ran out with the step open (its timer). */
  public void markSupervisionLate(long id) {
    changed();
    jdbc.update("update event set step_supervision_late = true where id = ?", id);
  }

  /**
   * The stored deadlines of these events' open steps by column, for those still pending: the
   * acceptance's while the event awaits acceptance, the handling's while it is handled, a 督办's
   * while one is in force.
   */
  Map<Long, Map<StepDeadlines.Column, OffsetDateTime>> pendingDeadlines(Collection<Long> ids) {
    Map<Long, Map<StepDeadlines.Column, OffsetDateTime>> pending = new HashMap<>();
    if (ids.isEmpty()) {
      return pending;
    }
    jdbc.query(
        "select id, status, step_accept_by, step_accept_remind_at, step_handle_by,"
            + " step_handle_remind_at, step_supervision_due from event where id in ("
            + String.join(", ", Collections.nCopies(ids.size(), "?"))
            + ")",
        rs -> {
          Map<StepDeadlines.Column, OffsetDateTime> columns =
              new EnumMap<>(StepDeadlines.Column.class);
          String status = rs.getString("status");
          if (EventStatus.AWAITING_ACCEPTANCE.name().equals(status)) {
            put(columns, StepDeadlines.Column.ACCEPT_BY, at(rs, "step_accept_by"));
            put(columns, StepDeadlines.Column.ACCEPT_REMIND, at(rs, "step_accept_remind_at"));
          }
          if (EventStatus.IN_HANDLING.name().equals(status)) {
            put(columns, StepDeadlines.Column.HANDLE_BY, at(rs, "step_handle_by"));
            put(columns, StepDeadlines.Column.HANDLE_REMIND, at(rs, "step_handle_remind_at"));
          }
          if (columns.containsKey(StepDeadlines.Column.ACCEPT_BY)
              || columns.containsKey(StepDeadlines.Column.HANDLE_BY)) {
            put(columns, StepDeadlines.Column.SUPERVISION, at(rs, "step_supervision_due"));
          }
          pending.put(rs.getLong("id"), columns);
        },
        ids.toArray());
    return pending;
  }

  private static void put(
      Map<StepDeadlines.Column, OffsetDateTime> columns,
      StepDeadlines.Column column,
      OffsetDateTime value) {
    if (value != null) {
      columns.put(column, value);
    }
  }

  /**
   * Moves stored deadlines (a holiday schedule was loaded, T3): the column and, for a deadline, its
   * flag.
   */
  void moveDeadlines(StepDeadlines.Column column, Map<Long, Deadline> moved) {
    changed();
    List<Object[]> rows = new ArrayList<>();
    moved.forEach(
        (id, deadline) ->
            rows.add(
                column.provisionalColumn == null
                    ? new Object[] {ts(deadline.deadline()), id}
                    : new Object[] {ts(deadline.deadline()), deadline.provisional(), id}));
    jdbc.batchUpdate(
        "update event set "
            + column.column
            + " = ?"
            + (column.provisionalColumn == null ? "" : ", " + column.provisionalColumn + " = ?")
            + " where id = ?",
        rows);
  }

  /**
   * The open steps whose deadlines were never stored (opened before Flyway V8), with the moments
   * and limits to compute them from.
   */
  List<Event> openStepsWithoutDeadlines() {
    return jdbc.query(
        "select * from event where (status = 'AWAITING_ACCEPTANCE' and step_accept_by is null and"
            + " step_received_at is not null and step_accept_days is not null) or (status ="
            + " 'IN_HANDLING' and step_handle_by is null and step_accepted_at is not null and"
            + " step_handle_days is not null)",
        this::event);
  }

  /**
   * Fills a step's stored deadlines (the start-up backfill of steps opened before Flyway V8) unless
   * another node did meanwhile; whether this call filled them.
   */
  boolean fillDeadlines(long id, StepDeadlines.Limit acceptance, StepDeadlines.Limit handling) {
    changed();
    if (acceptance != null) {
      return jdbc.update(
              "update event set step_accept_by = ?, step_accept_remind_at = ?,"
                  + " step_accept_provisional = ? where id = ? and step_accept_by is null",
              ts(acceptance.deadline().deadline()),
              ts(acceptance.reminder().deadline()),
              acceptance.deadline().provisional(),
              id)
          == 1;
    }
    return jdbc.update(
            "update event set step_handle_by = ?, step_handle_remind_at = ?,"
                + " step_handle_provisional = ? where id = ? and step_handle_by is null",
            ts(handling.deadline().deadline()),
            ts(handling.reminder().deadline()),
            handling.deadline().provisional(),
            id)
        == 1;
  }

  /** A 督办 given before Flyway V8 put on its open step, unless one is there; whether it was. */
  boolean supervisedIfNone(long id, Deadline deadline) {
    changed();
    return jdbc.update(
            "update event set step_supervision_due = ?, step_supervision_provisional = ? where id ="
                + " ? and step_supervision_due is null and status in ('AWAITING_ACCEPTANCE',"
                + " 'IN_HANDLING')",
            ts(deadline.deadline()),
            deadline.provisional(),
            id)
        == 1;
  }

  private static Timestamp ts(OffsetDateTime moment) {
    return moment == null ? null : Timestamp.from(moment.toInstant());
  }

  void markOverdueAcceptance(long id) {
    changed();
    jdbc.update(
        "update event set overdue_acceptance = true, step_late_acceptance = true where id = ?", id);
  }

  void markOverdueHandling(long id) {
    changed();
    jdbc.update(
        "update event set overdue_handling = true, step_late_handling = true where id = ?", id);
  }

  public void resolve(long id, Event.Resolution resolution) {
    changed();
    jdbc.update(
        "update event set status = 'RESOLVED', result = ?, mediator = ?, mediation_result = ?,"
            + " agreement_form = ?, agreement_terms = ?, delay_reason = ?, resolved_at = ?,"
            + " resolved_by = ? where id = ?",
        resolution.result(),
        resolution.mediator(),
        resolution.mediationResult(),
        resolution.agreementForm() == null ? null : resolution.agreementForm().name(),
        resolution.agreementTerms(),
        resolution.delayReason(),
        Timestamp.from(resolution.resolvedAt().toInstant()),
        resolution.resolvedBy(),
        id);
  }

  public void recordDelayReason(long id, String delayReason) {
    changed();
    jdbc.update("update event set delay_reason = ? where id = ?", delayReason, id);
  }

  void referToCounty(long id, String countyDepartment) {
    changed();
    jdbc.update(
        "update event set status = 'REFERRED_TO_COUNTY', level = 'COUNTY', county_department = ?"
            + " where id = ?",
        countyDepartment,
        id);
  }

  public void close(long id, Satisfaction satisfaction, String comment, OffsetDateTime at) {
    changed();
    jdbc.update(
        "update event set status = 'CLOSED', satisfaction = ?, feedback_comment = ?, closed_at = ?"
            + " where id = ?",
        satisfaction.name(),
        comment,
        Timestamp.from(at.toInstant()),
        id);
  }

  public long addStep(long eventId, EventStep step) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(
        connection -> {
          PreparedStatement insert =
              connection.prepareStatement(
                  "insert into event_step (event_id, action, level, unit_code, actor, at, deadline,"
                      + " late, note) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  new String[] {"id"});
          insert.setLong(1, eventId);
          insert.setString(2, step.action());
          insert.setString(3, step.level().name());
          insert.setString(4, step.unitCode());
          insert.setString(5, step.actor());
          insert.setTimestamp(6, Timestamp.from(step.at().toInstant()));
          insert.setTimestamp(
              7, step.deadline() == null ? null : Timestamp.from(step.deadline().toInstant()));
          insert.setBoolean(8, step.late());
          insert.setString(9, step.note());
          return insert;
        },
        keys);
    return keys.getKey().longValue();
  }

  public List<EventStep> steps(long eventId) {
    return jdbc.query(
        "select * from event_step where event_id = ? order by id",
        (rs, i) ->
            new EventStep(
                rs.getString("action"),
                EventLevel.valueOf(rs.getString("level")),
                rs.getString("unit_code"),
                rs.getString("actor"),
                at(rs, "at"),
                at(rs, "deadline"),
                rs.getBoolean("late"),
                rs.getString("note")),
        eventId);
  }

  /**
   * The open steps past their deadline at {@code now} that the visibility covers and the filter
   * keeps, oldest deadline first: one query, filtered in SQL (the list can be long).
   */
  public List<OverdueOpenStep> overdueSteps(
      Visibility visibility, OverdueStepFilter filter, OffsetDateTime now) {
    List<Object> args = new ArrayList<>();
    StringBuilder where =
        new StringBuilder(
            " where e.status in ('AWAITING_ACCEPTANCE', 'IN_HANDLING', 'RESOLVED')"
                + " and "
                + StepDeadlineSql.OVERDUE);
    args.add(Timestamp.from(now.toInstant()));
    if (!visibility.all()) {
      where
          .append(" and (")
          .append(in("e.grid_code", visibility.grids(), args))
          .append(" or ")
          .append(in("e.department_code", visibility.departments(), args))
          .append(" or ")
          .append(in("e.township_code", visibility.townships(), args))
          .append(")");
    }
    equal(where, args, "e.township_code", filter.townshipCode());
    equal(where, args, "e.village_code", filter.villageCode());
    equal(where, args, "e.grid_code", filter.gridCode());
    if (filter.departmentCode() != null) {
      // the steps waiting at the department, not those it once had
      equal(where, args, "e.department_code", filter.departmentCode());
      equal(where, args, "e.unit_code", filter.departmentCode());
    }
    equal(where, args, "t.assignee_", filter.assignee());
    return jdbc.query(
        "select e.number, e.category, e.title, e.level, e.unit_code, e.grid_code, e.village_code,"
            + " e.township_code, e.department_code, t.id_ as task_id, t.name_ as task_name,"
            + " t.task_def_key_ as task_key, t.assignee_ as assignee, "
            + StepDeadlineSql.DUE
            + " as due"
            + " from event e join "
            + EngineTables.EXECUTION
            + " p on p.business_key_ = e.number and p.id_ = p.proc_inst_id_"
            + " join "
            + EngineTables.TASK
            + " t on t.proc_inst_id_ = p.id_"
            + where
            + " order by "
            + StepDeadlineSql.DUE
            + ", e.number",
        (rs, i) ->
            new OverdueOpenStep(
                rs.getString("number"),
                EventCategory.valueOf(rs.getString("category")),
                rs.getString("title"),
                EventLevel.valueOf(rs.getString("level")),
                rs.getString("unit_code"),
                rs.getString("grid_code"),
                rs.getString("village_code"),
                rs.getString("township_code"),
                rs.getString("department_code"),
                rs.getString("task_id"),
                rs.getString("task_name"),
                rs.getString("task_key"),
                rs.getString("assignee"),
                GridCaseTime.at(rs.getTimestamp("due"))),
        args.toArray());
  }

  private static void equal(StringBuilder where, List<Object> args, String column, String value) {
    if (value != null) {
      where.append(" and ").append(column).append(" = ?");
      args.add(value);
    }
  }

  private Event event(ResultSet rs, int row) throws SQLException {
    String agreement = rs.getString("agreement_form");
    String satisfaction = rs.getString("satisfaction");
    Event.Resolution resolution =
        rs.getString("result") == null
            ? null
            : new Event.Resolution(
                rs.getString("result"),
                rs.getString("mediator"),
                rs.getString("mediation_result"),
                agreement == null ? null : AgreementForm.valueOf(agreement),
                rs.getString("agreement_terms"),
                rs.getString("delay_reason"),
                at(rs, "resolved_at"),
                rs.getString("resolved_by"));
    return new Event(
        rs.getLong("id"),
        rs.getString("number"),
        EventCategory.valueOf(rs.getString("category")),
        rs.getString("title"),
        rs.getString("grid_code"),
        rs.getString("village_code"),
        rs.getString("township_code"),
        at(rs, "occurred_at"),
        rs.getString("location"),
        rs.getString("persons"),
        rs.getString("cause"),
        rs.getString("course"),
        rs.getBoolean("major"),
        at(rs, "reported_at"),
        rs.getString("reported_by"),
        EventStatus.valueOf(rs.getString("status")),
        EventLevel.valueOf(rs.getString("level")),
        rs.getString("unit_code"),
        rs.getString("department_code"),
        rs.getBoolean("overdue_acceptance"),
        rs.getBoolean("overdue_handling"),
        resolution,
        rs.getString("county_department"),
        satisfaction == null ? null : Satisfaction.valueOf(satisfaction),
        rs.getString("feedback_comment"),
        List.of(),
        new Event.Step(
            at(rs, "step_received_at"),
            rs.getObject("step_accept_days", Integer.class),
            rs.getObject("step_handle_days", Integer.class),
            at(rs, "step_accepted_at"),
            rs.getString("step_accepted_by"),
            rs.getBoolean("step_late_acceptance"),
            rs.getBoolean("step_late_handling"),
            at(rs, "step_accept_by"),
            at(rs, "step_accept_remind_at"),
            rs.getBoolean("step_accept_provisional"),
            at(rs, "step_handle_by"),
            at(rs, "step_handle_remind_at"),
            rs.getBoolean("step_handle_provisional"),
            at(rs, "step_supervision_due"),
            rs.getBoolean("step_supervision_provisional"),
            rs.getBoolean("step_supervision_late")),
        rs.getBoolean("beijing_petition"));
  }

  private static OffsetDateTime at(ResultSet rs, String column) throws SQLException {
    return GridCaseTime.at(rs.getTimestamp(column));
  }
}
