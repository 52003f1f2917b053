package cn.gridcase.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Features do not reach into each other's internals (package by feature, checked by ArchUnit). */
class ArchitectureTests {

  static final String ROOT = "cn.gridcase";
  static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

  @Test
  @DisplayName("features use each other only through their top-level package")
  void featuresUseOnlyEachOthersSurface() {
    assertThat(MAIN.size()).as("classes imported").isGreaterThan(10);
    FeatureBoundaries.onlyTopLevelPackagesOfOtherFeatures(ROOT).check(MAIN);
  }

  @Test
  @DisplayName("features have no dependency cycles")
  void noCycles() {
    FeatureBoundaries.featuresFreeOfCycles(ROOT).check(MAIN);
  }

  @Test
  @DisplayName("the platform (cross-cutting pieces) depends on no feature")
  void platformDependsOnNoFeature() {
    ArchRuleDefinition.noClasses().that().resideInAPackage(ROOT + ".platform..")
        .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".security..", ROOT + ".organisation..",
            ROOT + ".calendar..", ROOT + ".event..", ROOT + ".accountability..", ROOT + ".assessment..",
            ROOT + ".supervision..", ROOT + ".demo..")
        .check(MAIN);
  }

  @Test
  @DisplayName("no production code depends on the demo feature")
  void nothingDependsOnDemo() {
    ArchRuleDefinition.noClasses().that().resideOutsideOfPackage(ROOT + ".demo..")
        .should().dependOnClassesThat().resideInAPackage(ROOT + ".demo..").check(MAIN);
  }

  @Test
  @DisplayName("the boundary rule catches a feature reaching into another's internals")
  void ruleCatchesViolation() {
    JavaClasses fixture = new ClassFileImporter().importPackages("cn.gridcase_archfixture");
    assertThatThrownBy(() -> FeatureBoundaries.onlyTopLevelPackagesOfOtherFeatures("cn.gridcase_archfixture")
        .check(fixture))
        .hasMessageContaining("reaches into the internals of feature 'beta'")
        .hasMessageContaining("Secret");
  }
}
