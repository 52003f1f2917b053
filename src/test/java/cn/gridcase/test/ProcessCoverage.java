package cn.gridcase.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.community.process_test_coverage.core.export.CoverageStateJsonExporter;
import org.camunda.community.process_test_coverage.core.export.CoverageStateResult;
import org.camunda.community.process_test_coverage.core.model.Model;

/**
 * The BPMN coverage gate (issue 12 A7): every model's element coverage over the whole test run,
 * from the reports process-test-coverage writes per test class ({@code
 * target/process-test-coverage/<class>/report.json}). process-test-coverage 2.8.1 can assert a
 * minimum only per test class ({@code assertClassCoverageAtLeast}), and a model is exercised by
 * several classes, so the reports are combined here and judged per model.
 */
public final class ProcessCoverage {

  /** Issue 12 A7: at least 90% of each model's elements (flow nodes and sequence flows). */
  public static final double MINIMUM = 0.9;

  private ProcessCoverage() {}

  /** A model's coverage: distinct elements passed over its element count. */
  public record ModelCoverage(String key, int covered, int total) {

    public double ratio() {
      return total == 0 ? 1 : (double) covered / total;
    }

    @Override
    public String toString() {
      return String.format("%s %.1f%% (%d/%d)", key, ratio() * 100, covered, total);
    }
  }

  /** Every model in the reports, its coverage combined over all of them. */
  public static List<ModelCoverage> of(Collection<String> reports) {
    String combined = null;
    for (String report : reports) {
      combined =
          combined == null
              ? report
              : CoverageStateJsonExporter.combineCoverageStateResults(combined, report);
    }
    if (combined == null) {
      return List.of();
    }
    CoverageStateResult result = CoverageStateJsonExporter.readCoverageStateResult(combined);
    List<ModelCoverage> coverage = new ArrayList<>();
    for (Model model : result.getModels()) {
      coverage.add(
          new ModelCoverage(
              model.getKey(),
              result.getEventsDistinct(model.getKey()).size(),
              model.getTotalElementCount()));
    }
    coverage.sort((a, b) -> a.key().compareTo(b.key()));
    return coverage;
  }

  /**
   * What fails the gate: a required model no test ran, and any model below the minimum. Empty when
   * the gate passes.
   */
  public static List<String> shortfalls(
      List<ModelCoverage> coverage, Set<String> required, double minimum) {
    List<String> shortfalls = new ArrayList<>();
    Set<String> missing = new TreeSet<>(required);
    for (ModelCoverage model : coverage) {
      missing.remove(model.key());
      // only the product's models are judged: a test's own probe models are deployed to test the
      // engine
      if (required.contains(model.key()) && model.ratio() < minimum) {
        shortfalls.add(model + " is below " + Math.round(minimum * 100) + "%");
      }
    }
    missing.forEach(key -> shortfalls.add(key + " was not run by any test (0%)"));
    return shortfalls;
  }

  /** The reports of a test run, one per test class. */
  public static List<String> reportsIn(Path directory) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(directory, 2)) {
      List<String> reports = new ArrayList<>();
      for (Path file :
          files.filter(f -> f.getFileName().toString().equals("report.json")).sorted().toList()) {
        reports.add(Files.readString(file));
      }
      return reports;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The executable processes of the models in a directory (the product's {@code bpmn/}). */
  public static Set<String> processesIn(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      Set<String> keys = new TreeSet<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(Process.class).stream()
            .filter(Process::isExecutable)
            .map(Process::getId)
            .forEach(keys::add);
      }
      return keys;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
