package cn.gridcase.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class that starts its own application context with another database: Surefire runs it in a
 * JVM of its own, because Camunda registers "the default process engine" per JVM and two live
 * engines of that name would mix.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(OwnJvm.TAG)
public @interface OwnJvm {
  String TAG = "own-jvm";
}
