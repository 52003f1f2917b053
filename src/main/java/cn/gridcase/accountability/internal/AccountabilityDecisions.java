package cn.gridcase.accountability.internal;

import cn.gridcase.accountability.Measure;
import cn.gridcase.accountability.Severity;
import cn.gridcase.organisation.AppointmentRole;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The rules officials edit as DMN tables in {@code bpmn/}: which measures fit which role (C2), who
 * holds a talk (C5), the graded measures for event handlers and for grid workers (C3).
 */
@Component
public class AccountabilityDecisions {

  static final String MEASURE_ELIGIBILITY = "accountability-measure-eligibility";
  static final String TALK_CONDUCTOR = "accountability-talk-conductor";
  static final String EVENT_HANDLER_MEASURES = "accountability-event-handler-measures";
  public static final String GRID_WORKER_MEASURES = "accountability-grid-worker-measures";

  private final DecisionService decisionService;

  AccountabilityDecisions(DecisionService decisionService) {
    this.decisionService = decisionService;
  }

  /** Why the measure does not fit the role (C2), or empty when it does. */
  Optional<String> refusal(String role, Measure measure) {
    DmnDecisionResult result =
        decisionService
            .evaluateDecisionByKey(MEASURE_ELIGIBILITY)
            .variables(
                Variables.createVariables()
                    .putValue("role", role)
                    .putValue("measure", measure.name()))
            .evaluate();
    Boolean allowed =
        result.getFirstResult() == null
            ? Boolean.FALSE
            : result.getFirstResult().getEntry("allowed");
    if (Boolean.TRUE.equals(allowed)) {
      return Optional.empty();
    }
    String reason =
        result.getFirstResult() == null ? null : result.getFirstResult().getEntry("reason");
    return Optional.of(reason == null ? measure + " does not apply to " + role : reason);
  }

  /** Who holds the talk for a role (C5): the label the case records. */
  public String talkConductor(String role) {
    return talkRule(role).map(TalkRule::label).orElse(null);
  }

  /**
   * Who holds the talk for a role (C5): the label, the roles whose holders may hold it, and where
   * they are (the subject's village or township; the city is outside GridCase).
   */
  Optional<TalkRule> talkRule(String role) {
    DmnDecisionResult result =
        decisionService
            .evaluateDecisionByKey(TALK_CONDUCTOR)
            .variables(Variables.createVariables().putValue("role", role))
            .evaluate();
    if (result.getFirstResult() == null) {
      return Optional.empty();
    }
    String roles = result.getFirstResult().getEntry("conductorRoles");
    List<AppointmentRole> conductorRoles =
        roles == null || roles.isBlank()
            ? List.of()
            : Arrays.stream(roles.split("\\|")).map(AppointmentRole::valueOf).toList();
    String unit = result.getFirstResult().getEntry("conductorUnit");
    return Optional.of(
        new TalkRule(
            result.getFirstResult().getEntry("conductor"),
            conductorRoles,
            unit == null ? TalkRule.Where.CITY : TalkRule.Where.valueOf(unit)));
  }

  /** A row of {@code accountability-talk-conductor}. */
  record TalkRule(String label, List<AppointmentRole> roles, Where where) {

    /**
     * Where the roles are held: the subject's village, the subject's township, or the city (not in
     * GridCase).
     */
    enum Where {
      VILLAGE,
      TOWNSHIP,
      CITY
    }
  }

  /** The suggested measures for an event handler's late step (C3). */
  public List<Measure> eventHandlerMeasures(Severity severity, boolean sectionHead) {
    DmnDecisionResult result =
        decisionService
            .evaluateDecisionByKey(EVENT_HANDLER_MEASURES)
            .variables(
                Variables.createVariables()
                    .putValue("severity", severity.name())
                    .putValue("position", sectionHead ? "SECTION_HEAD" : "HANDLER"))
            .evaluate();
    return measures(result);
  }

  /** The suggested measures for a grid worker's late step (C3, S0 第四条(一)). */
  public List<Measure> gridWorkerMeasures(Severity severity) {
    return measures(
        decisionService
            .evaluateDecisionByKey(GRID_WORKER_MEASURES)
            .variables(Variables.createVariables().putValue("severity", severity.name()))
            .evaluate());
  }

  private static List<Measure> measures(DmnDecisionResult result) {
    String measures =
        result.getFirstResult() == null ? null : result.getFirstResult().getEntry("measures");
    return measures == null
        ? List.of()
        : Arrays.stream(measures.split("\\|")).map(Measure::valueOf).toList();
  }
}
