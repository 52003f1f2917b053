package cn.gridcase.calendar.internal;

import cn.gridcase.calendar.Deadline;
import cn.gridcase.calendar.StoredDeadlines;
import cn.gridcase.calendar.TaskDueDatesMoved;
import cn.gridcase.calendar.WorkingDays;
import cn.gridcase.calendar.internal.DeadlineStore.Row;
import cn.gridcase.calendar.internal.DeadlineStore.TargetType;
import cn.gridcase.platform.GridCaseTime;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes the pending working-day deadlines that a loaded year's schedule affects (rule T3):
 * those whose counted days touch that year. Each is counted again from its own moment and N with
 * the new calendar; timers and tasks whose date moves get the new date, and so do the copies
 * features keep on their own rows ({@link StoredDeadlines}, e.g. an event's open step). One
 * transaction per batch of {@value #BATCH_SIZE}; progress goes to the audit row of the load.
 */
@Service
class DeadlineRecompute {

  static final int BATCH_SIZE = 500;
  private static final Logger log = LoggerFactory.getLogger(DeadlineRecompute.class);

  private final DeadlineStore store;
  private final WorkingDays workingDays;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final List<StoredDeadlines> holders;
  private final ApplicationEventPublisher domainEvents;

  DeadlineRecompute(
      DeadlineStore store,
      WorkingDays workingDays,
      TransactionTemplate transaction,
      Clock clock,
      List<StoredDeadlines> holders,
      ApplicationEventPublisher domainEvents) {
    this.domainEvents = domainEvents;
    this.store = store;
    this.workingDays = workingDays;
    this.transaction = transaction;
    this.clock = clock;
    this.holders = List.copyOf(holders);
  }

  /**
   * The feature that keeps a stored deadline, by its key's prefix; null when none does (any more).
   */
  StoredDeadlines holderOf(String key) {
    return holders.stream()
        .filter(holder -> key.startsWith(holder.prefix()))
        .findFirst()
        .orElse(null);
  }

  /** The current values of stored deadlines, each asked of its feature. */
  Map<String, Long> currentStored(List<String> keys) {
    Map<StoredDeadlines, List<String>> byHolder = new HashMap<>();
    for (String key : keys) {
      StoredDeadlines holder = holderOf(key);
      if (holder != null) {
        byHolder.computeIfAbsent(holder, h -> new ArrayList<>()).add(key);
      }
    }
    Map<String, Long> current = new HashMap<>();
    byHolder.forEach((holder, some) -> current.putAll(holder.current(some)));
    return current;
  }

  public record Outcome(long auditId, int checked, int moved, int batches) {}

  /**
   * Recomputes the deadlines touching {@code year} that were remembered at or after {@code
   * createdSince}, recording the progress on audit row {@code auditId}.
   */
  Outcome recompute(int year, long auditId, OffsetDateTime createdSince) {
    LocalDate first = LocalDate.of(year, 1, 1);
    LocalDate last = LocalDate.of(year, 12, 31);
    long afterId = 0;
    int checked = 0;
    int moved = 0;
    int batches = 0;
    while (true) {
      List<Row> rows = store.touching(first, last, createdSince, afterId, BATCH_SIZE);
      if (rows.isEmpty()) {
        break;
      }
      afterId = rows.get(rows.size() - 1).id();
      Integer movedInBatch =
          transaction.execute(
              status -> {
                int movedHere = recomputeBatch(rows);
                store.addToAudit(auditId, rows.size(), movedHere);
                return movedHere;
              });
      checked += rows.size();
      moved += movedInBatch;
      batches++;
    }
    store.finishAudit(auditId, GridCaseTime.now(clock));
    log.info(
        "Holiday schedule {}: {} pending deadline(s) checked, {} moved, in {} batch(es)",
        year,
        checked,
        moved,
        batches);
    return new Outcome(auditId, checked, moved, batches);
  }

  private int recomputeBatch(List<Row> rows) {
    Map<TargetType, List<Row>> byType = new EnumMap<>(TargetType.class);
    rows.forEach(
        row -> byType.computeIfAbsent(row.targetType(), type -> new ArrayList<>()).add(row));
    List<Row> updated = new ArrayList<>();
    List<Long> forgotten = new ArrayList<>();
    int moved = 0;
    for (Map.Entry<TargetType, List<Row>> entry : byType.entrySet()) {
      boolean stored = entry.getKey() == TargetType.STORED;
      List<String> ids = entry.getValue().stream().map(Row::targetId).toList();
      Map<String, Long> current =
          stored ? currentStored(ids) : store.currentDueDates(entry.getKey(), ids);
      List<Object[]> moves = new ArrayList<>();
      Map<String, Deadline> storedMoves = new HashMap<>();
      for (Row row : entry.getValue()) {
        Long currentDue = current.get(row.targetId());
        if (currentDue == null || currentDue != row.dueAt().toInstant().toEpochMilli()) {
          // the timer fired, the task ended, or its date was changed by hand: nothing to recompute
          forgotten.add(row.id());
          continue;
        }
        Deadline fresh = workingDays.deadline(row.startAt(), row.workingDays());
        if (!fresh.deadline().toInstant().equals(row.dueAt().toInstant())) {
          moves.add(new Object[] {Timestamp.from(fresh.deadline().toInstant()), row.targetId()});
        }
        if (stored
            && (!fresh.deadline().toInstant().equals(row.dueAt().toInstant())
                || fresh.provisional() != row.provisional())) {
          // a stored copy keeps the provisional flag too, which may change while the date stays
          storedMoves.put(row.targetId(), fresh);
        }
        updated.add(
            new Row(
                row.id(),
                row.targetType(),
                row.targetId(),
                row.processInstanceId(),
                row.startAt(),
                row.workingDays(),
                fresh.deadline(),
                fresh.provisional()));
      }
      if (stored) {
        Map<StoredDeadlines, Map<String, Deadline>> byHolder = new HashMap<>();
        storedMoves.forEach(
            (key, fresh) ->
                byHolder.computeIfAbsent(holderOf(key), h -> new HashMap<>()).put(key, fresh));
        byHolder.forEach(StoredDeadlines::move);
      } else {
        store.moveTargets(entry.getKey(), moves);
        if (entry.getKey() == TargetType.TASK_DUE && !moves.isEmpty()) {
          // written with SQL, past the engine's task listeners: tell who keeps copies
          domainEvents.publishEvent(
              new TaskDueDatesMoved(moves.stream().map(move -> (String) move[1]).toList()));
        }
      }
      moved += moves.size();
    }
    store.updateRows(updated, workingDays.version());
    store.forget(forgotten);
    return moved;
  }
}
