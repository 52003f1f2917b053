package cn.gridcase.assessment.internal;

import cn.gridcase.calendar.Deadline;
import cn.gridcase.calendar.EngineDeadlines;
import cn.gridcase.calendar.StoredDeadlines;
import cn.gridcase.platform.GridCaseTime;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The quarter's deadlines as the assessment keeps them on its rows — 录入满意度、审核 ({@code review_due},
 * also {@code stage_due}), the objection window ({@code objection_due}), 定档 ({@code finalize_due})
 * and each objection's answer ({@code answer_due}) — shown on the pages and in the API and checked
 * by the objection window; the process's timers and due dates are set from the same moments and N.
 * A holiday schedule load (T3) moves them and their provisional flags together. Keys: {@code
 * assessment:<id>:review|objection|finalize} and {@code assessment:objection:<id>}; a deadline is
 * pending while its stage is open (the window only until it ends: its timer has fired then).
 */
@Component
public class QuarterDeadlines implements StoredDeadlines {

  static final String PREFIX = "assessment:";
  private static final String ANSWER = PREFIX + "objection:";

  /** A quarter's stage whose deadline the quarter's row keeps. */
  public enum Stage {
    REVIEW("review_due", "status = 'DRAFT' and not superseded", List.of("review_due", "stage_due")),
    OBJECTION(
        "objection_due", "status = 'IN_REVIEW' and objection_due > ?", List.of("objection_due")),
    FINALIZE("finalize_due", "status = 'IN_REVIEW'", List.of("finalize_due"));

    private final String column;
    private final String pendingWhen;
    private final List<String> columns;

    Stage(String column, String pendingWhen, List<String> columns) {
      this.column = column;
      this.pendingWhen = pendingWhen;
      this.columns = columns;
    }

    String suffix() {
      return ":" + name().toLowerCase();
    }

    String flag() {
      return name().toLowerCase() + "_provisional";
    }
  }

  private final QuarterRepository repository;
  private final EngineDeadlines engineDeadlines;
  private final Clock clock;

  QuarterDeadlines(QuarterRepository repository, EngineDeadlines engineDeadlines, Clock clock) {
    this.repository = repository;
    this.engineDeadlines = engineDeadlines;
    this.clock = clock;
  }

  /** Remembers a stage's deadline just kept on the quarter's row, for the recompute (T3). */
  public void remember(long assessmentId, Stage stage, String processInstanceId, Deadline due) {
    engineDeadlines.rememberStored(key(assessmentId, stage), processInstanceId, due);
  }

  /** Remembers an objection's answer deadline just kept on its row (T3). */
  public void rememberAnswer(long objectionId, String processInstanceId, Deadline due) {
    engineDeadlines.rememberStored(answerKey(objectionId), processInstanceId, due);
  }

  public static String key(long assessmentId, Stage stage) {
    return PREFIX + assessmentId + stage.suffix();
  }

  public static String answerKey(long objectionId) {
    return ANSWER + objectionId;
  }

  @Override
  public String prefix() {
    return PREFIX;
  }

  @Override
  public Map<String, Long> current(Collection<String> keys) {
    Map<String, Long> current = new HashMap<>();
    for (Stage stage : Stage.values()) {
      repository
          .pendingQuarterDeadlines(
              stage.column,
              stage.pendingWhen,
              ids(keys, stage),
              stage == Stage.OBJECTION ? GridCaseTime.now(clock) : null)
          .forEach((id, due) -> current.put(key(id, stage), due));
    }
    repository
        .pendingAnswerDeadlines(answerIds(keys))
        .forEach((id, due) -> current.put(answerKey(id), due));
    return current;
  }

  @Override
  public void move(Map<String, Deadline> moved) {
    for (Stage stage : Stage.values()) {
      Map<Long, Deadline> of = new HashMap<>();
      moved.forEach(
          (key, deadline) -> {
            if (!key.startsWith(ANSWER) && key.endsWith(stage.suffix())) {
              of.put(quarterId(key, stage), deadline);
            }
          });
      repository.moveDeadlines("assessment_quarter", stage.columns, stage.flag(), of);
    }
    Map<Long, Deadline> answers = new HashMap<>();
    moved.forEach(
        (key, deadline) -> {
          if (key.startsWith(ANSWER)) {
            answers.put(Long.parseLong(key.substring(ANSWER.length())), deadline);
          }
        });
    repository.moveDeadlines(
        "assessment_objection", List.of("answer_due"), "answer_provisional", answers);
  }

  private static List<Long> ids(Collection<String> keys, Stage stage) {
    return keys.stream()
        .filter(k -> !k.startsWith(ANSWER) && k.endsWith(stage.suffix()))
        .map(k -> quarterId(k, stage))
        .toList();
  }

  private static List<Long> answerIds(Collection<String> keys) {
    return keys.stream()
        .filter(k -> k.startsWith(ANSWER))
        .map(k -> Long.parseLong(k.substring(ANSWER.length())))
        .toList();
  }

  private static long quarterId(String key, Stage stage) {
    return Long.parseLong(key.substring(PREFIX.length(), key.length() - stage.suffix().length()));
  }
}
