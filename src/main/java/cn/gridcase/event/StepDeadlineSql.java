package cn.gridcase.event;

/**
 * The one SQL reading of an open step's deadline, for the lists that join the {@code event} table
 * as {@code e} (the overdue list here, the supervision board): the stored deadline in force — a
 * 督办's while one is in force (S1), else the stage's statutory one (E4, E6) — and whether the step
 * is overdue: the flag its timer set, or the deadline already passed while the timer's job has not
 * run yet (a busy or stopped job executor). A step awaiting feedback has no deadline.
 */
public final class StepDeadlineSql {

  /** The deadline in force of event {@code e}'s open step; null when it has none. */
  public static final String DUE =
      "coalesce(e.step_supervision_due, case e.status when 'AWAITING_ACCEPTANCE' then"
          + " e.step_accept_by when 'IN_HANDLING' then e.step_handle_by end)";

  /** Whether event {@code e}'s open step is overdue at the moment given as the one parameter. */
  public static final String OVERDUE =
      "(case when e.step_supervision_due is not null then e.step_supervision_late"
          + " when e.status = 'AWAITING_ACCEPTANCE' then e.step_late_acceptance"
          + " when e.status = 'IN_HANDLING' then e.step_late_handling else false end or "
          + DUE
          + " < ?)";

  private StepDeadlineSql() {}
}
