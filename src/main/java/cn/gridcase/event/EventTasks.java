package cn.gridcase.event;

/** The task definition keys of the event processes' user tasks (their BPMN element ids). */
public final class EventTasks {

  /** 受理事件 (报到承接 for a department), in {@code event-level-handling.bpmn}. */
  public static final String ACCEPT = "AcceptEventTask";

  /** 办理事件, in {@code event-level-handling.bpmn}. */
  public static final String HANDLE = "HandleEventTask";

  /** 回访反馈, in {@code event-handling.bpmn}. */
  public static final String FEEDBACK = "FeedbackTask";

  private EventTasks() {}
}
