package cn.gridcase.event.internal;

/**
 * Every process variable name of the event processes ({@code event-handling}, {@code
 * event-level-handling}), in one place. Only the ids and routing flags in the first group stay in
 * the process; the forms' fields are read once into a step's command and removed; the transient
 * ones live for the transaction of one step only.
 */
public final class EventVariables {

  // kept while the process runs (and in history: EventProcessVariables)
  /** The event number, for Tasklist (the business key is the same number). */
  public static final String EVENT_NUMBER = "eventNumber";

  /**
   * The event's category, set by 接收事件 for the level's forms (the dispute fields show for DISPUTE).
   */
  static final String CATEGORY = "category";

  static final String LEVEL = "level";

  /** Whether the event is major (E8), set at reporting: the gateway 重大突发事件？. */
  public static final String MAJOR = "major";

  /**
   * The unit that has the event at this level: the candidate group of the level's tasks (set by
   * 接收事件).
   */
  static final String UNIT_CODE = "unitCode";

  /**
   * Whether the grid's own worker reported it, so it was accepted then (E2): the gateway 网格员本人上报？.
   */
  static final String ACCEPTED_ON_REPORTING = "acceptedOnReporting";

  /** Who accepted: the handling task's assignee (set by 记录受理, or by 接收事件 on self-acceptance). */
  static final String ACCEPTED_BY = "acceptedBy";

  /** The routing flag after each level: a {@link HandlingOutcome}'s name. */
  public static final String OUTCOME = "outcome";

  public static final String DEPARTMENT_CODE = "departmentCode";

  /**
   * The step's deadlines and reminders as computed once and stored on the step (E4, E6), for the
   * tasks' due dates and the boundary timers; read when those are created (the stored step stays
   * the truth, and a schedule load moves the timers and tasks themselves).
   */
  static final String ACCEPT_BY = "acceptBy";

  static final String ACCEPT_REMIND_AT = "acceptRemindAt";
  static final String HANDLE_BY = "handleBy";
  static final String HANDLE_REMIND_AT = "handleRemindAt";

  /** The township's limits, shown in the forms only. */
  static final String ACCEPT_DAYS = "acceptDays";

  static final String HANDLE_DAYS = "handleDays";

  // the fields of forms/event-handle.form
  static final String RESULT = "result";
  static final String MEDIATOR = "mediator";
  static final String MEDIATION_RESULT = "mediationResult";
  static final String AGREEMENT_FORM = "agreementForm";
  static final String AGREEMENT_TERMS = "agreementTerms";
  public static final String DELAY_REASON = "delayReason";
  public static final String REASON = "reason";
  public static final String INSTRUCTIONS = "instructions";
  public static final String COUNTY_DEPARTMENT = "countyDepartment";

  // the fields of forms/event-feedback.form
  public static final String SATISFACTION = "satisfaction";
  public static final String COMMENT = "comment";

  // transient: one step's command and its completion, from the task to the service task after it
  /**
   * A {@code Submitted<Handling>}: set by {@code /api}, or by the listener from the form's fields.
   */
  public static final String HANDLING = "handling";

  /** A {@code Submitted<Feedback>}, likewise. */
  public static final String FEEDBACK = "feedback";

  /** A {@link CompletedStep}: who completed the user task and the deadline it ran under. */
  static final String COMPLETED_STEP = "completedStep";

  private EventVariables() {}
}
