package cn.gridcase.accountability.internal;

import cn.gridcase.accountability.Circumstance;
import cn.gridcase.accountability.Measure;
import cn.gridcase.platform.TransientValue;
import java.io.Serializable;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Every variable name of the investigation process ({@code accountability-investigation.bpmn}) and
 * of its forms, in one place. The process keeps the case id and the routing flags; what a form
 * submits is mapped into the step's command ({@link CaseStepForms}) and recorded in the case's
 * tables, and the command and the actor travel from the task's completion to the service task after
 * it as transient values (never stored, never in the history).
 */
public final class CaseVariables {

  /** The case id, shown in the forms ({@code {{caseId}}}). */
  public static final String CASE_ID = "caseId";

  /** Routing: EXTEND, DECIDE or DISMISS, for the gateway 调查结论. */
  public static final String CONCLUSION = "conclusion";

  /** Routing: the decision's only measure is a talk (C7: no notice). */
  public static final String ONLY_TALK = "onlyTalk";

  /**
   * Transient: the step's command, from {@code /api} or mapped from the form by the task listener.
   */
  public static final String COMMAND = "caseStepCommand";

  /** Transient: who completed the user task. */
  static final String COMPLETED_BY = "completedBy";

  /** The investigation form (accountability-investigate.form). */
  static final String CASE_OUTCOME = "caseOutcome";

  public static final String EXTENSION_DAYS = "extensionDays";
  static final String EXTENSION_REASON = "extensionReason";
  static final String FINDINGS = "findings";

  /**
   * A comma-separated list of measure codes (engine-rest clients); the form uses the checkboxes.
   */
  static final String MEASURES = "measures";

  static final String MITIGATING = "mitigating";
  static final String AGGRAVATING = "aggravating";
  public static final String REASONING = "reasoning";

  /** The notice form (accountability-notify.form). */
  static final String NOTIFIED_AT = "notifiedAt";

  static final String CHANNEL = "channel";

  /** The execution form (accountability-execution.form). */
  static final String EXECUTION_NOTE = "executionNote";

  /** The talk form (accountability-talk.form): the day it was held and what was said (C5). */
  static final String TALK_HELD_ON = "talkHeldOn";

  static final String TALK_RECORD = "talkRecord";

  /** The investigation form's checkbox of each measure. */
  static final Map<Measure, String> MEASURE_BOXES =
      Collections.unmodifiableMap(
          new EnumMap<>(
              Map.of(
                  Measure.TALK, "measure_TALK",
                  Measure.CIRCULATED_CRITICISM, "measure_CIRCULATED_CRITICISM",
                  Measure.SUSPENSION_FOR_TRAINING, "measure_SUSPENSION_FOR_TRAINING",
                  Measure.ADMONISHMENT, "measure_ADMONISHMENT",
                  Measure.PERSUADE_TO_RESIGN, "measure_PERSUADE_TO_RESIGN",
                  Measure.DISMISSAL, "measure_DISMISSAL",
                  Measure.UNFIT_FOR_NEXT_COMMITTEE, "measure_UNFIT_FOR_NEXT_COMMITTEE",
                  Measure.ECONOMIC, "measure_ECONOMIC",
                  Measure.DISCIPLINARY, "measure_DISCIPLINARY",
                  Measure.JUDICIAL_TRANSFER, "measure_JUDICIAL_TRANSFER")));

  /**
   * The investigation form's checkbox of each circumstance; the detected one is pre-filled (C4).
   */
  public static final Map<Circumstance, String> CIRCUMSTANCE_BOXES =
      Collections.unmodifiableMap(
          new EnumMap<>(
              Map.of(
                  Circumstance.REMEDIED, "circumstance_REMEDIED",
                  Circumstance.FORCE_MAJEURE, "circumstance_FORCE_MAJEURE",
                  Circumstance.OTHER_MITIGATING, "circumstance_OTHER_MITIGATING",
                  Circumstance.ORDERED_BY_HIGHER_LEVEL, "circumstance_ORDERED_BY_HIGHER_LEVEL",
                  Circumstance.REPEATED_WITHIN_YEAR, "circumstance_REPEATED_WITHIN_YEAR",
                  Circumstance.OBSTRUCTION, "circumstance_OBSTRUCTION",
                  Circumstance.REFUSED_TO_RECTIFY, "circumstance_REFUSED_TO_RECTIFY",
                  Circumstance.SENSITIVE_TIME, "circumstance_SENSITIVE_TIME",
                  Circumstance.OTHER_AGGRAVATING, "circumstance_OTHER_AGGRAVATING")));

  /**
   * A step's command as the transient value {@link #COMMAND}. The engine looks up a serializer even
   * for a transient object, and without Spin only Java serialization handles one: the command is
   * never serialized (transient), and serialized Java values from clients stay refused.
   */
  public static TypedValue transientCommand(Serializable command) {
    return TransientValue.of(command);
  }

  private CaseVariables() {}
}
