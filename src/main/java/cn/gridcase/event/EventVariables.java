package cn.gridcase.event;

/**
 * Every process variable name of the event processes ({@code event-handling},
 * {@code event-level-handling}), in one place. Only the ids and routing flags in the first group
 * stay in the process; the forms' fields are read once into a step's command and removed; the
 * transient ones live for the transaction of one step only.
 */
final class EventVariables {

  // kept while the process runs (and in history: EventProcessVariables)
  /** The event number, for Tasklist (the business key is the same number). */
  static final String EVENT_NUMBER = "eventNumber";
  static final String CATEGORY = "category";
  static final String LEVEL = "level";
  /** The routing flag after each level: a {@link HandlingOutcome}'s name. */
  static final String OUTCOME = "outcome";
  static final String DEPARTMENT_CODE = "departmentCode";
  /** The township's limits, shown in the forms only. */
  static final String ACCEPT_DAYS = "acceptDays";
  static final String HANDLE_DAYS = "handleDays";

  // the fields of forms/event-handle.form
  static final String RESULT = "result";
  static final String MEDIATOR = "mediator";
  static final String MEDIATION_RESULT = "mediationResult";
  static final String AGREEMENT_FORM = "agreementForm";
  static final String AGREEMENT_TERMS = "agreementTerms";
  static final String DELAY_REASON = "delayReason";
  static final String REASON = "reason";
  static final String INSTRUCTIONS = "instructions";
  static final String COUNTY_DEPARTMENT = "countyDepartment";

  // the fields of forms/event-feedback.form
  static final String SATISFACTION = "satisfaction";
  static final String COMMENT = "comment";

  // transient: one step's command and its completion, from the task to the service task after it
  /** A {@code Submitted<Handling>}: set by {@code /api}, or by the listener from the form's fields. */
  static final String HANDLING = "handling";
  /** A {@code Submitted<Feedback>}, likewise. */
  static final String FEEDBACK = "feedback";
  /** A {@link CompletedStep}: who completed the user task and the deadline it ran under. */
  static final String COMPLETED_STEP = "completedStep";

  private EventVariables() {}
}
