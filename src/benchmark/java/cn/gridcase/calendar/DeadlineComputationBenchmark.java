package cn.gridcase.calendar;

import cn.gridcase.calendar.internal.WorkingCalendar;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Deadline computations per second on one core (rule T2), with the schedules the application ships
 * (Flyway V2) and starts spread over 2024–2026 with N from 1 to 15.
 *
 * <p>Run: {@code mvn -Pbenchmark test-compile exec:exec@calendar-jmh} (writes docs/benchmarks.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DeadlineComputationBenchmark {

  private static final int SAMPLES = 4096;

  private WorkingCalendar calendar;
  private OffsetDateTime[] starts;
  private int[] workingDays;
  private int next;

  @Setup
  public void setUp() throws IOException {
    calendar = new WorkingCalendar(1, shippedSchedules());
    Random random = new Random(20261124);
    starts = new OffsetDateTime[SAMPLES];
    workingDays = new int[SAMPLES];
    long first = OffsetDateTime.parse("2024-01-01T00:00:00+08:00").toEpochSecond();
    long last = OffsetDateTime.parse("2026-12-01T00:00:00+08:00").toEpochSecond();
    for (int i = 0; i < SAMPLES; i++) {
      starts[i] =
          OffsetDateTime.parse("2024-01-01T00:00:00+08:00")
              .plusSeconds((long) (random.nextDouble() * (last - first)));
      workingDays[i] = 1 + random.nextInt(15);
    }
  }

  @Benchmark
  public Deadline deadline() {
    int i = next++ & (SAMPLES - 1);
    return calendar.deadline(starts[i], workingDays[i]);
  }

  /** The schedules exactly as the application ships them: parsed from the Flyway migration. */
  static List<HolidaySchedule> shippedSchedules() throws IOException {
    String sql;
    try (InputStream in =
        DeadlineComputationBenchmark.class.getResourceAsStream(
            "/db/migration/V2__holiday_schedules.sql")) {
      sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<Integer, List<HolidaySchedule.Day>> days = new LinkedHashMap<>();
    Matcher matcher =
        Pattern.compile("\\(date '(\\d{4}-\\d{2}-\\d{2})', (\\d{4}), '([^']*)', (true|false)\\)")
            .matcher(sql);
    while (matcher.find()) {
      days.computeIfAbsent(Integer.parseInt(matcher.group(2)), year -> new ArrayList<>())
          .add(
              new HolidaySchedule.Day(
                  LocalDate.parse(matcher.group(1)),
                  matcher.group(3),
                  Boolean.parseBoolean(matcher.group(4))));
    }
    List<HolidaySchedule> schedules = new ArrayList<>();
    days.forEach((year, list) -> schedules.add(new HolidaySchedule(year, list)));
    return schedules;
  }

  public static void main(String[] args) throws RunnerException {
    Options options =
        new OptionsBuilder()
            .include(DeadlineComputationBenchmark.class.getSimpleName())
            .forks(1)
            .threads(1)
            .warmupIterations(3)
            .warmupTime(TimeValue.seconds(2))
            .measurementIterations(5)
            .measurementTime(TimeValue.seconds(2))
            .build();
    RunResult result = new Runner(options).runSingle();
    double score = result.getPrimaryResult().getScore();
    double error = result.getPrimaryResult().getScoreError();
    BenchmarkReport.write(
        "deadline-computation",
        String.format(
            "| Deadline computations per second, one thread | **%,.0f ops/s** (± %,.0f, 99.9%% CI;"
                + " JMH 1 fork, 3×2 s warm-up, 5×2 s measured) | target ≥ 1,000,000 ops/s: %s"
                + " |%n%nMachine: %s. Command: `mvn -Pbenchmark test-compile"
                + " exec:exec@calendar-jmh`.",
            score, error, score >= 1_000_000 ? "met" : "NOT met", BenchmarkReport.machine()));
  }
}
