package cn.gridcase.accountability.internal;

import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.StepRefused;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The user task 执行情况记录 ({@code RecordExecutionTask}): the check of the record of execution. */
@Component("recordExecution")
class RecordExecution {

  ExecutionRecord check(ExecutionRecord record) {
    List<ApiError> errors = new ArrayList<>(CaseRules.checkTexts(record.texts()));
    errors.addAll(CaseRules.checkExecution(record));
    if (!errors.isEmpty()) {
      throw new StepRefused("The case step is refused", errors);
    }
    return record;
  }
}
