package cn.gridcase.assessment.internal;

import cn.gridcase.assessment.AssessmentQuarters;
import cn.gridcase.event.OverdueStepFilter;
import cn.gridcase.organisation.AccessScope;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.supervision.OverdueWork;
import cn.gridcase.supervision.OverdueWorkItem;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The quarter's stages on the supervisors' overdue list (S1): each open task of {@code
 * assessment-quarter} past its due date — a village's 录入群众满意度 (unit the village), the township's
 * 审核, 答复考核异议 and 确定季度考核结果 (unit the township; a village or grid filter leaves them out). Scope: the
 * village's task for whoever sees the village, the township's for those of the township. {@code
 * departmentCode} keeps none; {@code assignee} the tasks that user holds or, unclaimed, may take
 * (the unit's staff).
 */
@Component
class QuarterOverdueWork implements OverdueWork {

  static final String KIND = "ASSESSMENT";

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final Organisation organisation;

  QuarterOverdueWork(
      TaskService taskService, RuntimeService runtimeService, Organisation organisation) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.organisation = organisation;
  }

  @Override
  public List<OverdueWorkItem> overdue(
      AccessScope scope, OverdueStepFilter filter, OffsetDateTime now) {
    if (filter.departmentCode() != null || filter.gridCode() != null) {
      return List.of();
    }
    if (!scope.admin() && scope.townships().isEmpty() && scope.villages().isEmpty()) {
      return List.of();
    }
    List<Task> tasks =
        taskService
            .createTaskQuery()
            .processDefinitionKey(QuarterVariables.PROCESS)
            .dueBefore(Date.from(now.toInstant()))
            .active()
            .list();
    Map<String, String> keys = new HashMap<>();
    List<OverdueWorkItem> items = new ArrayList<>();
    Map<String, List<String>> candidates = new HashMap<>();
    for (Task task : tasks) {
      String key =
          keys.computeIfAbsent(
              task.getProcessInstanceId(),
              id -> {
                ProcessInstance pi =
                    runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceId(id)
                        .singleResult();
                return pi == null ? null : pi.getBusinessKey();
              });
      if (key == null) {
        continue;
      }
      QuarterKey quarter = QuarterKey.of(key);
      String village =
          QuarterVariables.SATISFACTION_TASK.equals(task.getTaskDefinitionKey())
              ? (String) taskService.getVariable(task.getId(), QuarterVariables.VILLAGE)
              : null;
      String unit = village == null ? quarter.township() : village;
      boolean visible =
          scope.admin()
              || scope.townships().contains(quarter.township())
              || (village != null && scope.villages().contains(village));
      if (!visible
          || (filter.townshipCode() != null && !filter.townshipCode().equals(quarter.township()))
          || (filter.villageCode() != null && !filter.villageCode().equals(village))) {
        continue;
      }
      List<String> may =
          task.getAssignee() != null
              ? List.of(task.getAssignee())
              : candidates.computeIfAbsent(
                  unit, u -> organisation.holdersToday(u, AppointmentRole::worksUnitQueue));
      if (filter.assignee() != null && !may.contains(filter.assignee())) {
        continue;
      }
      items.add(
          new OverdueWorkItem(
              KIND,
              "季度考核 " + quarter.township() + " " + quarter.quarter(),
              task.getTaskDefinitionKey(),
              stepLabel(task.getTaskDefinitionKey()),
              village == null ? "镇（考核小组）" : "村（社区）",
              task.getName(),
              AssessmentQuarters.label(quarter.quarter())
                  + "考核："
                  + stepLabel(task.getTaskDefinitionKey()),
              unit,
              null,
              village,
              quarter.township(),
              null,
              task.getAssignee(),
              may,
              GridCaseTime.at(task.getDueDate()),
              task.getId(),
              "/assessment/quarters/" + quarter.quarter() + "?townshipCode=" + quarter.township()));
    }
    return items;
  }

  private static String stepLabel(String taskKey) {
    return switch (taskKey) {
      case QuarterVariables.SATISFACTION_TASK -> "录入群众满意度";
      case QuarterVariables.REVIEW_TASK -> "审核";
      case QuarterVariables.ANSWER_TASK -> "答复异议";
      case QuarterVariables.FINALIZE_TASK -> "定档";
      default -> taskKey;
    };
  }
}
