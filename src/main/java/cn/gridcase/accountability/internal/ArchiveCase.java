package cn.gridcase.accountability.internal;

import cn.gridcase.accountability.CaseStep;
import cn.gridcase.platform.GridCaseTime;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** 归档 ({@code ArchiveCaseTask}): the record of execution, and the case archived. */
@Component("archiveCase")
public class ArchiveCase {

  private final CaseRepository cases;
  private final Clock clock;

  ArchiveCase(CaseRepository cases, Clock clock) {
    this.cases = cases;
    this.clock = clock;
  }

  /** {@code ${archiveCase.archive(execution, caseStepCommand, completedBy)}}. */
  public void archive(DelegateExecution execution, ExecutionRecord record, String actor) {
    CaseRecord c = cases.byKey(execution.getProcessBusinessKey());
    OffsetDateTime now = GridCaseTime.now(clock);
    String note = CaseRules.text(record.note());
    cases.archive(c.id(), note, now);
    cases.addStep(c.id(), new CaseStep("EXECUTED", actor, now, null, false, note));
    cases.addStep(c.id(), new CaseStep("ARCHIVED", actor, now, null, false, null));
    execution.removeVariable(CaseVariables.EXECUTION_NOTE);
  }
}
