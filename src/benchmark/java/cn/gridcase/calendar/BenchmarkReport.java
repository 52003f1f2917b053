package cn.gridcase.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Writes a benchmark's figures into docs/benchmarks.md, between the markers {@code <!-- bench:NAME
 * -->} and {@code <!-- /bench:NAME -->}, with the machine it ran on.
 */
public final class BenchmarkReport {

  private BenchmarkReport() {}

  public static String machine() {
    String cpu = "unknown CPU";
    try {
      cpu =
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(line -> line.startsWith("model name"))
              .findFirst()
              .map(line -> line.substring(line.indexOf(':') + 1).trim())
              .orElse(cpu);
    } catch (IOException ignored) {
      // not Linux: keep "unknown CPU"
    }
    String ram = "";
    try {
      ram =
          Files.readAllLines(Path.of("/proc/meminfo")).stream()
              .filter(line -> line.startsWith("MemTotal:"))
              .findFirst()
              .map(
                  line ->
                      String.format(
                          Locale.ROOT,
                          "%.1f GiB RAM, ",
                          Long.parseLong(line.replaceAll("[^0-9]", "")) / (1024.0 * 1024.0)))
              .orElse("");
    } catch (IOException ignored) {
      // not Linux: no RAM figure
    }
    return Runtime.getRuntime().availableProcessors()
        + " cores ("
        + cpu
        + "), "
        + ram
        + (Runtime.getRuntime().maxMemory() / (1024 * 1024))
        + " MiB max heap, Java "
        + System.getProperty("java.version")
        + ", "
        + System.getProperty("os.name")
        + " "
        + System.getProperty("os.arch")
        + ", measured "
        + LocalDate.now();
  }

  public static void write(String name, String markdown) {
    Path docs = Path.of("docs/benchmarks.md");
    try {
      String text = Files.readString(docs);
      String begin = "<!-- bench:" + name + " -->";
      String end = "<!-- /bench:" + name + " -->";
      int from = text.indexOf(begin);
      int to = text.indexOf(end);
      if (from < 0 || to < from) {
        throw new IllegalStateException(
            "docs/benchmarks.md lacks the markers " + begin + " ... " + end);
      }
      Files.writeString(
          docs,
          text.substring(0, from + begin.length())
              + "\n"
              + markdown.strip()
              + "\n"
              + text.substring(to));
      System.out.println("Written to docs/benchmarks.md:\n" + markdown);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
