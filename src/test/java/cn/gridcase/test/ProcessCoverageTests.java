package cn.gridcase.test;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.ProcessCoverage.ModelCoverage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coverage gate's check on fabricated reports in process-test-coverage's format: it passes and
 * it fails.
 */
class ProcessCoverageTests {

  @Test
  @DisplayName(
      "A7 the gate combines the reports of all test classes per model: 5 + 4 distinct elements of"
          + " 10 is 90%")
  void combinesClasses() {
    List<ModelCoverage> coverage =
        ProcessCoverage.of(List.of(report("A", "m", 10, 0, 5), report("B", "m", 10, 3, 9)));
    assertThat(coverage).containsExactly(new ModelCoverage("m", 9, 10));
    assertThat(ProcessCoverage.shortfalls(coverage, Set.of("m"), 0.9)).isEmpty();
  }

  @Test
  @DisplayName("A7 the gate fails a model below 90% even when another model is fully covered")
  void failsLowModel() {
    List<ModelCoverage> coverage =
        ProcessCoverage.of(List.of(report("A", "low", 40, 0, 35), report("B", "full", 8, 0, 8)));
    assertThat(ProcessCoverage.shortfalls(coverage, Set.of("low", "full"), ProcessCoverage.MINIMUM))
        .containsExactly("low 87.5% (35/40) is below 90%");
  }

  @Test
  @DisplayName("A7 a test's own probe model (not in bpmn/) is reported but not judged")
  void probeModelsAreNotJudged() {
    List<ModelCoverage> coverage =
        ProcessCoverage.of(List.of(report("A", "m", 10, 0, 10), report("B", "probe", 8, 0, 6)));
    assertThat(ProcessCoverage.shortfalls(coverage, Set.of("m"), 0.9)).isEmpty();
  }

  @Test
  @DisplayName(
      "A7 the gate fails a model of bpmn/ that no test ran, and fails with no reports at all")
  void failsMissingModel(@TempDir Path empty) {
    List<ModelCoverage> coverage = ProcessCoverage.of(List.of(report("A", "m", 4, 0, 4)));
    assertThat(ProcessCoverage.shortfalls(coverage, Set.of("m", "never-run"), 0.9))
        .containsExactly("never-run was not run by any test (0%)");
    assertThat(
            ProcessCoverage.shortfalls(
                ProcessCoverage.of(ProcessCoverage.reportsIn(empty)), Set.of("m"), 0.9))
        .containsExactly("m was not run by any test (0%)");
  }

  @Test
  @DisplayName(
      "A7 the gate reads the reports under a directory, one per test class, and the processes of"
          + " bpmn/")
  void readsReportsAndModels(@TempDir Path directory) throws Exception {
    Files.createDirectories(directory.resolve("cn.gridcase.A"));
    Files.writeString(
        directory.resolve("cn.gridcase.A").resolve("report.json"), report("A", "m", 2, 0, 1));
    assertThat(ProcessCoverage.of(ProcessCoverage.reportsIn(directory)))
        .containsExactly(new ModelCoverage("m", 1, 2));
    assertThat(ProcessCoverage.processesIn(Path.of("bpmn")))
        .contains(
            "event-handling",
            "event-level-handling",
            "event-supervision",
            "accountability-investigation");
  }

  /**
   * A report as process-test-coverage writes it: one suite, one run passing elements
   * e{from}..e{to-1}.
   */
  private static String report(String suite, String model, int total, int from, int to) {
    String events =
        IntStream.range(from, to)
            .mapToObj(
                i ->
                    "{\"source\":\"FLOW_NODE\",\"type\":\"END\","
                        + "\"definitionKey\":\"e"
                        + i
                        + "\",\"elementType\":\"task\",\"modelKey\":\""
                        + model
                        + "\",\"timestamp\":"
                        + i
                        + "}")
            .collect(Collectors.joining(","));
    return "{\"suites\":[{\"id\":\""
        + suite
        + "\",\"name\":\""
        + suite
        + "\",\"runs\":[{\"id\":\"r\",\"name\":\"r\","
        + "\"events\":["
        + events
        + "]}]}],\"models\":[{\"key\":\""
        + model
        + "\",\"totalElementCount\":"
        + total
        + ",\"version\":\"1\",\"xml\":\"<definitions/>\"}]}";
  }
}
