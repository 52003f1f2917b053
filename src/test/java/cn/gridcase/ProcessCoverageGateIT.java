package cn.gridcase;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.ProcessCoverage;
import cn.gridcase.test.ProcessCoverage.ModelCoverage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The BPMN coverage gate of {@code mvn verify} (issue 12 A7). Failsafe runs it after every unit,
 * process and HTTP test of the build has written its coverage report, so the combined reports are
 * the whole run's: a product model (bpmn/) under 90% of its elements, or not run at all, fails the
 * build. Judge a whole run: after {@code mvn clean}, reports of earlier runs would count too.
 */
class ProcessCoverageGateIT {

  @Test
  @DisplayName(
      "A7 every model in bpmn/ covers at least 90% of its elements over the whole test run")
  void everyModelCoveredEnough() {
    List<ModelCoverage> coverage =
        ProcessCoverage.of(ProcessCoverage.reportsIn(Path.of("target", "process-test-coverage")));
    // the figures in the build log, for the report and for whoever lowers one
    coverage.forEach(model -> System.out.println("BPMN coverage: " + model));
    assertThat(
            ProcessCoverage.shortfalls(
                coverage, ProcessCoverage.processesIn(Path.of("bpmn")), ProcessCoverage.MINIMUM))
        .as("models below the coverage gate")
        .isEmpty();
  }
}
