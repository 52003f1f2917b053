package cn.gridcase.accountability.internal;

import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.StepRefused;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The user task 告知被追究人 ({@code NotifySubjectTask}): its due date (C7, also its timer's), the
 * notice's check.
 */
@Component("notifySubject")
public class NotifySubject {

  private final CaseRepository cases;
  private final CaseDeadlines deadlines;
  private final Clock clock;

  NotifySubject(CaseRepository cases, CaseDeadlines deadlines, Clock clock) {
    this.cases = cases;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  /** C7: 3 working days after the decision. */
  public String dueBy(String businessKey) {
    return deadlines.noticeExpression(cases.byKey(businessKey));
  }

  SubjectNotice check(String businessKey, SubjectNotice notice) {
    List<ApiError> errors = new ArrayList<>(CaseRules.checkTexts(notice.texts()));
    errors.addAll(CaseRules.checkNotice(cases.byKey(businessKey), notice, GridCaseTime.now(clock)));
    if (!errors.isEmpty()) {
      throw new StepRefused("The case step is refused", errors);
    }
    return notice;
  }
}
