package cn.gridcase.assessment.internal;

import cn.gridcase.platform.ProcessVariableCatalogue;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The names of the quarter's process ({@code bpmn/assessment-quarter.bpmn}): key, element ids and
 * variables in one place, and what of them history may keep. An instance is one township's quarter
 * (business key {@code assessment-GS-2026-Q3}); it holds the township and the quarter, each
 * satisfaction task its village (the multi-instance element variable), each objection's task the
 * objection's id; everything else — drafts, scores, deadlines — is read from the assessment tables
 * by the beans. The form's fields leave the process once recorded; {@code fromApi} (transient)
 * tells a listener that {@code /api} completed the task after recording it.
 */
@Component
public class QuarterVariables implements ProcessVariableCatalogue {

  public static final String PROCESS = "assessment-quarter";
  public static final String BUSINESS_KEY_PREFIX = "assessment-";

  public static final String QUARTER_END_START = "QuarterEndStartEvent";
  public static final String TOWNSHIP_START = "TownshipQuarterStartEvent";
  public static final String SATISFACTION_TASK = "EnterSatisfactionTask";
  public static final String REVIEW_TASK = "ReviewAssessmentTask";
  public static final String OBJECTION_WINDOW = "ObjectionWindowTimerEvent";
  public static final String FINALIZE_TASK = "FinalizeAssessmentTask";
  public static final String ANSWER_TASK = "AnswerObjectionTask";
  public static final String OBJECTION_MESSAGE = "AssessmentObjectionRaised";

  /** The message start event of one township's quarter (sent by 开启各乡镇季度考核). */
  public static final String TOWNSHIP_MESSAGE = "TownshipQuarterOpened";

  public static final String TOWNSHIP = "townshipCode";
  public static final String QUARTER = "quarter";
  public static final String VILLAGE = "villageCode";
  public static final String OBJECTION_ID = "objectionId";

  /** The forms' fields. */
  static final String SCORES = "scores";

  static final String NOTE = "note";
  static final String ANSWER = "answer";

  /** Transient: the task was completed by {@code /api} after the service recorded it. */
  static final String FROM_API = "fromApi";

  static final Pattern QUARTER_CODE = Pattern.compile("\\d{4}-Q[1-4]");

  /** {@code assessment-GS-2026-Q3}. */
  public static String businessKey(String township, String quarter) {
    return BUSINESS_KEY_PREFIX + township + "-" + quarter;
  }

  @Override
  public Map<String, Map<String, HistoricValue>> historicVariables() {
    return Map.of(
        PROCESS,
        Map.of(
            TOWNSHIP, HistoricValue.identifier(),
            QUARTER, HistoricValue.matching(QUARTER_CODE),
            VILLAGE, HistoricValue.identifier(),
            OBJECTION_ID, HistoricValue.number()));
  }
}
