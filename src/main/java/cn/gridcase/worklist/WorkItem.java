package cn.gridcase.worklist;

import java.time.OffsetDateTime;

/**
 * One open task of the caller: an event step ({@code eventNumber}), an accountability case step
 * ({@code caseId}), an assignment (交办, {@code assignmentId}) or a meeting to hold (例会, {@code
 * meetingId}); which one the process instance's business key tells ({@link #ASSIGNMENT_KEY}, {@link
 * #MEETING_KEY}). {@code provisional}: the due date reaches into a year without a loaded holiday
 * schedule (rule T3).
 */
public record WorkItem(
    String taskId,
    String name,
    String taskKey,
    String eventNumber,
    String caseId,
    OffsetDateTime due,
    boolean provisional,
    boolean overdue,
    String assignee,
    boolean claimable,
    OffsetDateTime created,
    Long assignmentId,
    Long meetingId) {

  /** Business key prefix of an assignment's process instances: {@code assignment-12}. */
  public static final String ASSIGNMENT_KEY = "assignment-";

  /** Business key prefix of a meeting obligation's process instances: {@code meeting-7}. */
  public static final String MEETING_KEY = "meeting-";

  /** The id in a business key {@code prefix + id}, or null when the key is not of that kind. */
  public static Long idIn(String businessKey, String prefix) {
    if (businessKey == null || !businessKey.startsWith(prefix)) {
      return null;
    }
    try {
      return Long.valueOf(businessKey.substring(prefix.length()));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
