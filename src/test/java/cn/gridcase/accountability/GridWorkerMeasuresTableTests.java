package cn.gridcase.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.accountability.internal.AccountabilityDecisions;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The DMN table {@code accountability-grid-worker-measures} row by row (C3, S0 第四条(一)), without
 * Spring.
 */
class GridWorkerMeasuresTableTests {

  private static DmnEngine engine;
  private static DmnDecision decision;

  @BeforeAll
  static void parse() throws IOException {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = new FileInputStream("bpmn/accountability-grid-worker-measures.dmn")) {
      decision = engine.parseDecision(AccountabilityDecisions.GRID_WORKER_MEASURES, in);
    }
  }

  private static DmnDecisionTableResult evaluate(String severity) {
    return engine.evaluateDecisionTable(
        decision, Variables.createVariables().putValue("severity", severity));
  }

  @ParameterizedTest(name = "C3 grid worker, {0} → {1}")
  @CsvSource({
    "LIGHT, TALK",
    "SERIOUS, ADMONISHMENT",
    "GRAVE, SUSPENSION_FOR_TRAINING|ADMONISHMENT"
  })
  @DisplayName("C3 each row of the grid workers' table suggests only measures of 第四条（一）")
  void row(String severity, String measures) {
    assertThat(evaluate(severity).getSingleResult().<String>getEntry("measures"))
        .isEqualTo(measures);
  }

  @Test
  @DisplayName("C3 the grid workers' table has no row for an unknown severity")
  void noMatch() {
    assertThat(evaluate("UNKNOWN")).isEmpty();
  }
}
