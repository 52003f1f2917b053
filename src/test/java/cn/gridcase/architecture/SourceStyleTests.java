package cn.gridcase.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the formatter (Spotless, run by {@code mvn verify}) does not hold: no line over 120
 * characters and no fully-qualified class name in code — a type is imported and then named by its
 * simple name.
 */
class SourceStyleTests {

  static final int MAX_LINE = 120;
  static final List<Path> SOURCES =
      List.of(Path.of("src/main/java"), Path.of("src/test/java"), Path.of("src/benchmark/java"));

  /**
   * A qualified type: a dotted lower-case package of two or more parts, then an upper-case simple
   * name.
   */
  static final Pattern QUALIFIED =
      Pattern.compile("(?<![\\w.@])(?:[a-z][a-z0-9_]*\\.){2,}[A-Z]\\w*");

  @Test
  @DisplayName("no source line is longer than 120 characters")
  void linesFit() {
    List<String> long_ = new ArrayList<>();
    forEachLine(
        (file, number, line, code) -> {
          if (line.length() > MAX_LINE) {
            long_.add(file + ":" + number + " (" + line.length() + ")");
          }
        });
    assertThat(long_).isEmpty();
  }

  @Test
  @DisplayName("no fully-qualified class name inline: types are imported")
  void noInlineQualifiedNames() {
    List<String> found = new ArrayList<>();
    forEachLine(
        (file, number, line, code) -> {
          if (code) {
            qualifiedNamesIn(line).forEach(q -> found.add(file + ":" + number + " " + q));
          }
        });
    assertThat(found).isEmpty();
  }

  @Test
  @DisplayName(
      "the inline-name check finds a qualified name in code and ignores imports, strings and"
          + " comments")
  void checkCanFail() {
    assertThat(qualifiedNamesIn("    var d = new java.util.Date();"))
        .containsExactly("java.util.Date");
    assertThat(qualifiedNamesIn("import java.util.Date;")).isEmpty();
    assertThat(qualifiedNamesIn("    log(\"see cn.gridcase.event.Events\"); // java.util.Date"))
        .isEmpty();
    assertThat(qualifiedNamesIn(" * {@link java.util.Date}")).isEmpty();
  }

  /**
   * Qualified type names in the code of one line (not in imports, package lines, strings or
   * comments).
   */
  static List<String> qualifiedNamesIn(String line) {
    String trimmed = line.strip();
    if (trimmed.startsWith("import ")
        || trimmed.startsWith("package ")
        || trimmed.startsWith("*")
        || trimmed.startsWith("/*")
        || trimmed.startsWith("//")) {
      return List.of();
    }
    String code =
        line.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
            .replaceAll("//.*$", "")
            .replaceAll("/\\*.*?\\*/", "");
    List<String> found = new ArrayList<>();
    Matcher matcher = QUALIFIED.matcher(code);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found;
  }

  interface LineVisitor {
    void visit(Path file, int number, String line, boolean code);
  }

  static void forEachLine(LineVisitor visitor) {
    for (Path root : SOURCES) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          List<String> lines = Files.readAllLines(file);
          boolean inTextBlock = false;
          for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int quotes = line.split("\"\"\"", -1).length - 1;
            boolean text = inTextBlock || quotes > 0;
            if (quotes % 2 == 1) {
              inTextBlock = !inTextBlock;
            }
            visitor.visit(root.relativize(file), i + 1, line, !text);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
