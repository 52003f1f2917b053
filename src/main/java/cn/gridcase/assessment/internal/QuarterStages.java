package cn.gridcase.assessment.internal;

import cn.gridcase.assessment.AssessmentQuarters;
import cn.gridcase.assessment.internal.QuarterRepository.QuarterRow;
import cn.gridcase.calendar.Deadline;
import cn.gridcase.calendar.EngineDeadlines;
import cn.gridcase.calendar.WorkingDays;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.Unit;
import cn.gridcase.platform.GridCaseTime;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What the quarter's model reads, each by the instance's business key from the assessment's row:
 * the villages (one satisfaction task each), the stages' due dates in working days (T2) — 录入满意度 and
 * 审核 {@value AssessmentQuarters#REVIEW_DAYS} working days after the draft, the objection window
 * {@value AssessmentQuarters#OBJECTION_DAYS} after publication, finalizing {@value
 * AssessmentQuarters#FINALIZE_DAYS} after the window — handed to the engine through {@link
 * EngineDeadlines} (a holiday schedule load moves the timers and due dates), the tasks' names and
 * descriptions.
 */
@Component("quarterStages")
public class QuarterStages {

  private final AssessmentQuarters quarters;
  private final WorkingDays workingDays;
  private final EngineDeadlines engineDeadlines;
  private final Organisation organisation;

  QuarterStages(
      AssessmentQuarters quarters,
      WorkingDays workingDays,
      EngineDeadlines engineDeadlines,
      Organisation organisation) {
    this.quarters = quarters;
    this.workingDays = workingDays;
    this.engineDeadlines = engineDeadlines;
    this.organisation = organisation;
  }

  QuarterRow row(String businessKey) {
    QuarterKey key = QuarterKey.of(businessKey);
    return quarters.row(key.township(), key.quarter());
  }

  public List<String> villages(String businessKey) {
    QuarterKey key = QuarterKey.of(businessKey);
    return quarters.villagesOf(key.township(), key.quarter());
  }

  /** The stage's deadline: REVIEW (also satisfaction), OBJECTION or FINALIZE. */
  public Deadline deadline(QuarterRow q, String stage) {
    return switch (stage) {
      case "REVIEW" -> workingDays.deadline(q.draftedAt(), AssessmentQuarters.REVIEW_DAYS);
      case "OBJECTION" -> workingDays.deadline(q.publishedAt(), AssessmentQuarters.OBJECTION_DAYS);
      case "FINALIZE" ->
          workingDays.deadline(
              q.publishedAt(),
              AssessmentQuarters.OBJECTION_DAYS + AssessmentQuarters.FINALIZE_DAYS);
      default -> throw new IllegalArgumentException("no stage " + stage);
    };
  }

  /** {@code ${quarterStages.dueDate(execution.processBusinessKey, 'REVIEW')}}. */
  public Date dueDate(String businessKey, String stage) {
    return engineDeadlines.dueDate(deadline(row(businessKey), stage));
  }

  /** The date of an objection's answer (2 working days after it was raised). */
  Date answerDue(OffsetDateTime raisedAt) {
    return engineDeadlines.dueDate(workingDays.deadline(raisedAt, AssessmentQuarters.ANSWER_DAYS));
  }

  /** A deadline as the task's description states it, marked when it is provisional (T3). */
  private static String due(OffsetDateTime at, boolean provisional) {
    return GridCaseTime.minute(at) + (provisional ? QuarterPages.PROVISIONAL : "");
  }

  public String unitName(String code) {
    return organisation.unit(code).map(Unit::name).orElse(code);
  }

  /** The tasks' 描述: township, quarter, workers, stage deadlines, where to see the drafts. */
  public String summary(String businessKey) {
    QuarterRow q = row(businessKey);
    StringBuilder text = new StringBuilder();
    text.append("乡镇：")
        .append(unitName(q.townshipCode()))
        .append("（")
        .append(q.townshipCode())
        .append("）\n");
    text.append("季度：").append(AssessmentQuarters.label(q.quarter())).append('\n');
    text.append("考核草稿生成：").append(GridCaseTime.minute(q.draftedAt())).append('\n');
    text.append("录入满意度、审核期限：").append(due(q.reviewDue(), q.reviewProvisional())).append('\n');
    if (q.objectionDue() != null) {
      text.append("异议期至：").append(due(q.objectionDue(), q.objectionProvisional())).append('\n');
      text.append("定档期限：").append(due(q.finalizeDue(), q.finalizeProvisional())).append('\n');
    }
    text.append("各网格员的考核明细见 /assessment/quarters/")
        .append(q.quarter())
        .append("?townshipCode=")
        .append(q.townshipCode());
    return text.toString();
  }
}
