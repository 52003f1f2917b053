package cn.gridcase.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gridcase.GridCaseApplication;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Package by feature, held by Spring Modulith: every package below {@code cn.gridcase} is an
 * application module whose top-level package is its published surface; everything in its {@code
 * internal} package (and any other sub-package) is the module's own.
 */
class ArchitectureTests {

  static final ApplicationModules MODULES = ApplicationModules.of(GridCaseApplication.class);

  /** What a model calls: {@code ${bean.method(...)}} and {@code delegateExpression="${bean}"}. */
  static final Pattern BEAN_IN_MODEL = Pattern.compile("\\$\\{([a-z]\\w*)[.}]");

  @Test
  @DisplayName(
      "no feature uses another's internals, and the features form no cycles (Spring Modulith)")
  void modulesVerify() {
    assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
        .contains(
            "event",
            "accountability",
            "supervision",
            "worklist",
            "notification",
            "organisation",
            "calendar",
            "security",
            "platform");
    MODULES.verify();
  }

  @Test
  @DisplayName(
      "the platform (cross-cutting pieces) depends on no feature, and nothing depends on demo")
  void platformAndDemo() {
    ApplicationModule platform = MODULES.getModuleByName("platform").orElseThrow();
    assertThat(
            platform.getDirectDependencies(MODULES).stream()
                .map(ApplicationModuleDependency::getTargetModule)
                .map(ApplicationModule::getName))
        .isEmpty();
    for (ApplicationModule module : MODULES) {
      assertThat(
              module.getDirectDependencies(MODULES).stream()
                  .map(ApplicationModuleDependency::getTargetModule)
                  .map(ApplicationModule::getName))
          .as(module.getName())
          .doesNotContain("demo");
    }
  }

  @Test
  @DisplayName(
      "the beans the models call are internal to their feature: no other feature can call a step")
  void modelBeansAreInternal() throws IOException {
    Set<String> beans = new TreeSet<>();
    try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
      for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        Matcher matcher = BEAN_IN_MODEL.matcher(Files.readString(model, StandardCharsets.UTF_8));
        while (matcher.find()) {
          beans.add(matcher.group(1));
        }
      }
    }
    List<String> exposed = new ArrayList<>();
    List<String> found = new ArrayList<>();
    for (ApplicationModule module : MODULES) {
      module
          .getSpringBeans()
          .forEach(
              bean -> {
                String simple = bean.getType().getSimpleName();
                String name = Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
                if (beans.contains(name)) {
                  found.add(name);
                  if (module.isExposed(bean.getType())) {
                    exposed.add(bean.getType().getName());
                  }
                }
              });
    }
    assertThat(found).as("beans of the models found in the modules").hasSizeGreaterThan(15);
    assertThat(exposed).isEmpty();
  }

  @Test
  @DisplayName(
      "a probe in supervision calling the event feature's overdue timer bean makes the verification"
          + " fail")
  void probeIntoInternalsFails() throws Exception {
    Path sources = Files.createTempDirectory("module-probe-src");
    Path classes = Files.createTempDirectory("module-probe-classes");
    Path probe = sources.resolve("cn/gridcase/supervision/ModuleProbe.java");
    Files.createDirectories(probe.getParent());
    Files.writeString(
        probe,
        """
        package cn.gridcase.supervision;

        import cn.gridcase.event.internal.EventDeadlineWatch;
        import cn.gridcase.event.internal.ReceiveEvent;

        public class ModuleProbe {
          public void markLate(EventDeadlineWatch watch, ReceiveEvent receive) {
            watch.acceptanceOverdue(null);
            receive.receive(null);
          }
        }
        """);
    int compiled =
        ToolProvider.getSystemJavaCompiler()
            .run(
                null,
                null,
                null,
                "-d",
                classes.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                probe.toString());
    assertThat(compiled)
        .as("the probe compiles: the classes are public, only the module rule forbids it")
        .isZero();
    ClassLoader before = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader withProbe =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, before)) {
      Thread.currentThread().setContextClassLoader(withProbe);
      ApplicationModules probed = ApplicationModules.of("cn.gridcase");
      assertThatThrownBy(probed::verify)
          .hasMessageContaining("ModuleProbe")
          .hasMessageContaining("EventDeadlineWatch");
    } finally {
      Thread.currentThread().setContextClassLoader(before);
    }
  }
}
