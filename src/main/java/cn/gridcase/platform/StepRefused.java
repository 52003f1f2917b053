package cn.gridcase.platform;

import java.util.List;

/**
 * A user task's completion refused by the process layer. Its message names every problem, because
 * Tasklist shows only the message of the exception a task listener throws.
 */
public class StepRefused extends DomainRuleViolation {

  public StepRefused(String detail, List<ApiError> errors) {
    super(detail, errors);
  }

  @Override
  public String getMessage() {
    return describe();
  }
}
