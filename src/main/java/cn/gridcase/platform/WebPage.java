package cn.gridcase.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Spring MVC {@code @Controller} that serves HTML pages to people (not {@code /api}): its
 * refusals that escape it — not found, not allowed, a state that no longer fits — are answered with
 * a Chinese page ({@code platform.web.PageErrors}) instead of the API's problem+json.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WebPage {}
