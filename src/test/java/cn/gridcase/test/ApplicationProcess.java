package cn.gridcase.test;

import cn.gridcase.GridCaseApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The application as it is shipped — the fat jar built by {@code package} — running as a process of
 * its own, so a test can {@code kill -9} it and start it again on the same data. Integration tests
 * only (maven-failsafe, which runs after {@code package} and passes the jar's path as {@code
 * gridcase.jar}).
 */
public final class ApplicationProcess implements AutoCloseable {

  /**
   * {@link Process#destroyForcibly()} on Linux sends SIGKILL; a process ended by signal n exits 128
   * + n.
   */
  public static final int KILLED_BY_SIGKILL = 128 + 9;

  private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

  private final Process process;
  private final int port;
  private final Path log;

  private ApplicationProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts the jar in {@code workingDirectory} (where the default H2 URL {@code ./data/gridcase}
   * puts its files) on a free port, with the given environment and arguments, and waits until it is
   * ready (readiness probe: after the demo data is loaded). Output goes to {@code logName} there.
   */
  public static ApplicationProcess start(
      Path workingDirectory, String logName, Map<String, String> environment, String... arguments) {
    Path jar = jar();
    return launch(
        workingDirectory,
        logName,
        environment,
        // start-up speed only (C1 compiles faster; the test measures no throughput)
        List.of("-XX:TieredStopAtLevel=1", "-Xmx768m", "-jar", jar.toString()),
        arguments);
  }

  /**
   * The application from this JVM's own class path (main class {@code
   * cn.gridcase.GridCaseApplication}) with the given JVM options, for the benchmarks, which run
   * from {@code test-compile} without the fat jar; otherwise as {@link #start}.
   */
  public static ApplicationProcess startFromClassPath(
      Path workingDirectory,
      String logName,
      Map<String, String> environment,
      List<String> jvmOptions,
      String... arguments) {
    List<String> launcher = new ArrayList<>(jvmOptions);
    launcher.addAll(
        List.of("-cp", System.getProperty("java.class.path"), GridCaseApplication.class.getName()));
    return launch(workingDirectory, logName, environment, launcher, arguments);
  }

  private static ApplicationProcess launch(
      Path workingDirectory,
      String logName,
      Map<String, String> environment,
      List<String> launcher,
      String... arguments) {
    int port = freePort();
    Path log = workingDirectory.resolve(logName);
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.addAll(launcher);
    command.add("--server.port=" + port);
    command.addAll(List.of(arguments));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workingDirectory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    // only what the test gives: a SPRING_PROFILES_ACTIVE or GRIDCASE_DB_URL of the build's own
    // shell must not
    // decide which database the application runs on
    builder
        .environment()
        .keySet()
        .removeIf(name -> name.startsWith("SPRING_") || name.startsWith("GRIDCASE_"));
    builder.environment().putAll(environment);
    Process process;
    try {
      Files.createDirectories(workingDirectory);
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
    ApplicationProcess application = new ApplicationProcess(process, port, log);
    application.awaitReady();
    return application;
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  /**
   * {@code kill -9}: no shutdown hook, no flush, no closing of the database. Returns the exit code.
   */
  public int kill() {
    process.destroyForcibly();
    return awaitExit();
  }

  /** A normal stop (SIGTERM: Spring closes the context and the database). Returns the exit code. */
  public int stop() {
    process.destroy();
    return awaitExit();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }

  /** The last lines of the application's output, for failure messages. */
  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private int awaitExit() {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new IllegalStateException(
            "the application (pid " + process.pid() + ") did not end within 60 s");
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void awaitReady() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest readiness =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the application ended during start-up (exit "
                + process.exitValue()
                + "):\n"
                + logTail());
      }
      try {
        if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(250);
    }
    close();
    throw new IllegalStateException(
        "the application was not ready within " + START_TIMEOUT.toSeconds() + " s:\n" + logTail());
  }

  private static Path jar() {
    String property = System.getProperty("gridcase.jar");
    if (property == null || property.isBlank()) {
      throw new IllegalStateException(
          "system property gridcase.jar is not set: run this test with"
              + " `mvn verify` (maven-failsafe passes the jar built by `package`)");
    }
    Path jar = Path.of(property);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no application jar at " + jar + ": run `mvn package` first");
    }
    return jar;
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * An emptied directory {@code target/crash-durability/<name>} (or under {@code
   * gridcase.crash.directory}) for the applications' files; kept after the run, the logs are there.
   */
  public static Path cleanDirectory(String name) {
    Path directory =
        Path.of(System.getProperty("gridcase.crash.directory", "target/crash-durability"))
            .resolve(name);
    try {
      if (Files.exists(directory)) {
        try (Stream<Path> paths = Files.walk(directory)) {
          for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(path);
          }
        }
      }
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return directory;
  }

  /** Thread.sleep without the checked exception (the interrupt is kept). */
  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
