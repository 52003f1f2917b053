package cn.gridcase.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/**
 * Package-by-feature rules. A feature is a package directly below the root ({@code cn.gridcase.calendar},
 * {@code cn.gridcase.event}, ...). Its public surface is its top-level package; its sub-packages are
 * internal. Other features use the surface only, and features form no cycles.
 */
final class FeatureBoundaries {

  private FeatureBoundaries() {}

  static ArchRule onlyTopLevelPackagesOfOtherFeatures(String root) {
    return ArchRuleDefinition.classes().that().resideInAPackage(root + "..")
        .should(new ArchCondition<JavaClass>("use other features only through their top-level package") {
          @Override
          public void check(JavaClass source, ConditionEvents events) {
            String sourceFeature = featureOf(root, source.getPackageName());
            for (Dependency dependency : source.getDirectDependenciesFromSelf()) {
              JavaClass target = dependency.getTargetClass();
              String targetPackage = target.getPackageName();
              String targetFeature = featureOf(root, targetPackage);
              if (targetFeature == null || targetFeature.equals(sourceFeature)) {
                continue;
              }
              if (!targetPackage.equals(root + "." + targetFeature)) {
                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()
                    + " reaches into the internals of feature '" + targetFeature + "'"));
              }
            }
          }
        }).allowEmptyShould(true);
  }

  static ArchRule featuresFreeOfCycles(String root) {
    return SlicesRuleDefinition.slices().matching(root + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true);
  }

  /** The feature of a package below root, or null when the package is not in a feature. */
  static String featureOf(String root, String packageName) {
    if (!packageName.startsWith(root + ".")) {
      return null;
    }
    String rest = packageName.substring(root.length() + 1);
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }
}
