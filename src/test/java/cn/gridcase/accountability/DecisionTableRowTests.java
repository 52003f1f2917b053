package cn.gridcase.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of the accountability decision tables (bpmn/*.dmn) on the engine's DMN API, without a
 * Spring context: each row's inputs give its outputs and match that row alone; an input no row
 * covers gives no result; and every row of each table has a case here (a new row cannot go
 * untested).
 */
class DecisionTableRowTests {

  private static final List<String> MATCHED = new ArrayList<>();
  private static final DmnEngine ENGINE = engine();
  private static final Map<String, DmnDecision> DECISIONS = new HashMap<>();

  private static final String MEASURES = "accountability-event-handler-measures";
  private static final String ELIGIBILITY = "accountability-measure-eligibility";
  private static final String CONDUCTOR = "accountability-talk-conductor";

  private static final List<String> MEASURES_OF_S0 =
      List.of(
          "TALK",
          "CIRCULATED_CRITICISM",
          "SUSPENSION_FOR_TRAINING",
          "ADMONISHMENT",
          "PERSUADE_TO_RESIGN",
          "DISMISSAL",
          "UNFIT_FOR_NEXT_COMMITTEE",
          "ECONOMIC",
          "DISCIPLINARY",
          "JUDICIAL_TRANSFER");

  // C3 (S0 第四条(四)): severity and position → the suggested measures

  static Stream<Arguments> eventHandlerMeasures() {
    return Stream.of(
        Arguments.of("LightHandler", "LIGHT", "HANDLER", "TALK"),
        Arguments.of("LightHandler", "LIGHT", "SECTION_HEAD", "TALK"),
        Arguments.of("SeriousHandler", "SERIOUS", "HANDLER", "CIRCULATED_CRITICISM"),
        Arguments.of("SeriousHead", "SERIOUS", "SECTION_HEAD", "TALK"),
        Arguments.of("GraveHandler", "GRAVE", "HANDLER", "SUSPENSION_FOR_TRAINING|ADMONISHMENT"),
        Arguments.of(
            "GraveHead",
            "GRAVE",
            "SECTION_HEAD",
            "CIRCULATED_CRITICISM|SUSPENSION_FOR_TRAINING|ADMONISHMENT"));
  }

  @ParameterizedTest(name = "C3 row {0}: {1} / {2} → {3}")
  @MethodSource("eventHandlerMeasures")
  void eventHandlerMeasuresRow(String rule, String severity, String position, String measures) {
    DmnDecisionResult result =
        evaluate(MEASURES, Map.of("severity", severity, "position", position));
    assertThat(MATCHED).containsExactly(rule);
    assertThat(result.getSingleResult().getEntryMap()).isEqualTo(Map.of("measures", measures));
  }

  @ParameterizedTest(name = "C3 no row: {0} / {1} → no measures")
  @MethodSource("eventHandlerMeasuresNoMatch")
  void eventHandlerMeasuresNoMatch(String severity, String position) {
    assertThat(evaluate(MEASURES, Map.of("severity", severity, "position", position))).isEmpty();
    assertThat(MATCHED).isEmpty();
  }

  static Stream<Arguments> eventHandlerMeasuresNoMatch() {
    return Stream.of(
        Arguments.of("SERIOUS", "GRID_WORKER"),
        Arguments.of("GRAVE", ""),
        Arguments.of("MINOR", "HANDLER"));
  }

  // C2 (S0 第三条): the measures a role may be given

  static Stream<Arguments> measureEligibility() {
    List<Arguments> rows =
        new ArrayList<>(
            List.of(
                Arguments.of(
                    "PersuadeOnlyGridLeaders",
                    "GRID_WORKER",
                    "PERSUADE_TO_RESIGN",
                    false,
                    "劝退 (PERSUADE_TO_RESIGN) applies only to grid leaders (village chief cadres)"),
                Arguments.of(
                    "PersuadeOnlyGridLeaders",
                    "AREA_LEADER",
                    "PERSUADE_TO_RESIGN",
                    false,
                    "劝退 (PERSUADE_TO_RESIGN) applies only to grid leaders (village chief cadres)"),
                Arguments.of(
                    "UnfitOnlyGridLeaders",
                    "EVENT_HANDLER",
                    "UNFIT_FOR_NEXT_COMMITTEE",
                    false,
                    "the unfit list (UNFIT_FOR_NEXT_COMMITTEE) applies only to grid leaders"
                        + " (village chief cadres)"),
                Arguments.of(
                    "DismissalOnlyGridWorkers",
                    "GRID_LEADER",
                    "DISMISSAL",
                    false,
                    "辞退 (DISMISSAL) applies only to full-time grid workers"),
                Arguments.of(
                    "DismissalOnlyGridWorkers",
                    "SECTION_HEAD",
                    "DISMISSAL",
                    false,
                    "辞退 (DISMISSAL) applies only to full-time grid workers"),
                Arguments.of(
                    "UnknownMeasure", "GRID_WORKER", "BONUS", false, "not a measure of S0 第三条"),
                Arguments.of(
                    "UnknownMeasure", "GRID_LEADER", "", false, "not a measure of S0 第三条")));
    // every measure of S0 第三条 is allowed to the role it is meant for (the first row that matches
    // wins)
    for (String measure : MEASURES_OF_S0) {
      String role =
          switch (measure) {
            case "PERSUADE_TO_RESIGN", "UNFIT_FOR_NEXT_COMMITTEE" -> "GRID_LEADER";
            default -> "GRID_WORKER";
          };
      rows.add(Arguments.of("KnownMeasuresAllowed", role, measure, true, null));
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "C2 row {0}: {1} / {2} → allowed {3}")
  @MethodSource("measureEligibility")
  void measureEligibilityRow(
      String rule, String role, String measure, boolean allowed, String reason) {
    DmnDecisionResult result = evaluate(ELIGIBILITY, Map.of("role", role, "measure", measure));
    // hit policy FIRST: the first matching row decides (the catch-all rows below it may match too)
    assertThat(MATCHED).first().isEqualTo(rule);
    // an empty output entry gives no entry at all
    Map<String, Object> outputs =
        reason == null ? Map.of("allowed", allowed) : Map.of("allowed", allowed, "reason", reason);
    assertThat(result.getSingleResult().getEntryMap()).isEqualTo(outputs);
  }

  @Test
  @DisplayName(
      "C2 no row: the table has no gap — an input no specific row covers falls to UnknownMeasure"
          + " (refused)")
  void measureEligibilityHasNoGap() {
    Map<String, Object> nothing = new HashMap<>();
    nothing.put("role", null);
    nothing.put("measure", null);
    DmnDecisionResult result = evaluate(ELIGIBILITY, nothing);
    assertThat(MATCHED).containsExactly("UnknownMeasure");
    assertThat(result.getSingleResult().<Boolean>getEntry("allowed")).isFalse();
  }

  // C5 (S0 第六条(一)): who holds the talk for each role

  static Stream<Arguments> talkConductor() {
    return Stream.of(
        Arguments.of("AreaLeaderByCity", "AREA_LEADER", "市组织约谈 (the city)", "", "CITY"),
        Arguments.of(
            "InstructorByTownship",
            "GRID_INSTRUCTOR",
            "镇组织约谈 (the township)",
            "SUPERVISOR",
            "TOWNSHIP"),
        Arguments.of(
            "HandlerByTownship", "EVENT_HANDLER", "镇组织约谈 (the township)", "SUPERVISOR", "TOWNSHIP"),
        Arguments.of(
            "HandlerByTownship", "SECTION_HEAD", "镇组织约谈 (the township)", "SUPERVISOR", "TOWNSHIP"),
        Arguments.of(
            "GridWorkerByLeaders",
            "GRID_WORKER",
            "网格长、网格指导员或网格工作片领导视情约谈 (grid leader, instructor or work-area leader)",
            "GRID_LEADER|GRID_INSTRUCTOR|AREA_LEADER",
            "VILLAGE"),
        Arguments.of(
            "GridLeaderByAreaLeader",
            "GRID_LEADER",
            "网格工作片领导约谈 (the work-area leader)",
            "AREA_LEADER",
            "VILLAGE"));
  }

  @ParameterizedTest(name = "C5 row {0}: {1} → {2}, held by {3} in the {4}")
  @MethodSource("talkConductor")
  void talkConductorRow(
      String rule, String role, String conductor, String conductorRoles, String conductorUnit) {
    DmnDecisionResult result = evaluate(CONDUCTOR, Map.of("role", role));
    assertThat(MATCHED).containsExactly(rule);
    assertThat(result.getSingleResult().getEntryMap())
        .isEqualTo(
            Map.of(
                "conductor",
                conductor,
                "conductorRoles",
                conductorRoles,
                "conductorUnit",
                conductorUnit));
  }

  @ParameterizedTest(name = "C5 no row: {0} → no conductor")
  @MethodSource("talkConductorNoMatch")
  void talkConductorNoMatch(String role) {
    assertThat(evaluate(CONDUCTOR, Map.of("role", role))).isEmpty();
    assertThat(MATCHED).isEmpty();
  }

  static Stream<String> talkConductorNoMatch() {
    return Stream.of("GRID_VOLUNTEER", "INVESTIGATOR", "");
  }

  @ParameterizedTest(name = "C2/C3/C5 every row of {0} has a case in this class")
  @MethodSource("tables")
  void everyRowHasACase(String decision, Set<String> tested) {
    assertThat(tested).containsExactlyInAnyOrderElementsOf(ruleIds(decision));
  }

  static Stream<Arguments> tables() {
    return Stream.of(
        Arguments.of(MEASURES, rulesIn(eventHandlerMeasures())),
        Arguments.of(ELIGIBILITY, rulesIn(measureEligibility())),
        Arguments.of(CONDUCTOR, rulesIn(talkConductor())));
  }

  private static Set<String> rulesIn(Stream<Arguments> cases) {
    return cases.map(arguments -> (String) arguments.get()[0]).collect(Collectors.toSet());
  }

  private static DmnDecisionResult evaluate(String key, Map<String, Object> variables) {
    MATCHED.clear();
    DmnDecision decision =
        DECISIONS.computeIfAbsent(
            key,
            k -> {
              try (InputStream model = model(k)) {
                return ENGINE.parseDecision(k, model);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    return ENGINE.evaluateDecision(decision, variables);
  }

  private static List<String> ruleIds(String key) {
    try (InputStream model = model(key)) {
      return Dmn.readModelFromStream(model).getModelElementsByType(Rule.class).stream()
          .map(Rule::getId)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The model as deployed: {@code bpmn/} is a resource directory of the build. */
  private static InputStream model(String key) {
    InputStream model = DecisionTableRowTests.class.getResourceAsStream("/bpmn/" + key + ".dmn");
    assertThat(model).as("bpmn/" + key + ".dmn on the classpath").isNotNull();
    return model;
  }

  private static DmnEngine engine() {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration)
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.customPostDecisionTableEvaluationListeners(
        List.of(
            (DmnDecisionTableEvaluationEvent event) ->
                event.getMatchingRules().stream()
                    .map(DmnEvaluatedDecisionRule::getId)
                    .forEach(MATCHED::add)));
    return configuration.buildEngine();
  }
}
