package cn.gridcase.assignment.internal;

import cn.gridcase.calendar.Deadline;
import cn.gridcase.calendar.StoredDeadlines;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * An assignment's deadlines — its approval's and its grid workers' — are computed once and kept on
 * the assignment ({@code approval_due}, {@code due_by}); the tasks' due dates and the timers are
 * set from them. A holiday schedule load (T3) moves them here with the timers and due dates. Keys:
 * {@code assignment:<id>:approval}, {@code assignment:<id>:due}; a deadline is pending while its
 * step is open (awaiting approval; assigned).
 */
@Component
public class AssignmentDeadlines implements StoredDeadlines {

  static final String PREFIX = "assignment:";
  private static final String APPROVAL = ":approval";
  private static final String DUE = ":due";

  private final AssignmentRepository assignments;

  AssignmentDeadlines(AssignmentRepository assignments) {
    this.assignments = assignments;
  }

  static String approvalKey(long id) {
    return PREFIX + id + APPROVAL;
  }

  static String dueKey(long id) {
    return PREFIX + id + DUE;
  }

  @Override
  public String prefix() {
    return PREFIX;
  }

  @Override
  public Map<String, Long> current(Collection<String> keys) {
    Map<String, Long> current = new HashMap<>();
    assignments
        .pendingApprovalDeadlines(ids(keys, APPROVAL))
        .forEach((id, due) -> current.put(approvalKey(id), due));
    assignments
        .pendingDueDeadlines(ids(keys, DUE))
        .forEach((id, due) -> current.put(dueKey(id), due));
    return current;
  }

  @Override
  public void move(Map<String, Deadline> moved) {
    Map<Long, Deadline> approvals = new HashMap<>();
    Map<Long, Deadline> dues = new HashMap<>();
    moved.forEach(
        (key, deadline) -> {
          if (key.endsWith(APPROVAL)) {
            approvals.put(id(key, APPROVAL), deadline);
          } else if (key.endsWith(DUE)) {
            dues.put(id(key, DUE), deadline);
          }
        });
    assignments.moveApprovalDeadlines(approvals);
    assignments.moveDueDeadlines(dues);
  }

  private static List<Long> ids(Collection<String> keys, String suffix) {
    return keys.stream().filter(k -> k.endsWith(suffix)).map(k -> id(k, suffix)).toList();
  }

  private static long id(String key, String suffix) {
    return Long.parseLong(key.substring(PREFIX.length(), key.length() - suffix.length()));
  }
}
