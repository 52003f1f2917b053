package cn.gridcase.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The limits of a text field of an {@code /api} request (checked by {@link TextRules} for every
 * request body, and published as {@code maxLength} in the OpenAPI document). A String field without
 * it is a single line of at most {@link TextRules#DEFAULT_MAX} characters.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({
  ElementType.RECORD_COMPONENT,
  ElementType.FIELD,
  ElementType.METHOD,
  ElementType.PARAMETER
})
public @interface Text {

  /** The most characters (Unicode code points) the field takes. */
  int max();

  /**
   * Whether line breaks and tabs are allowed (descriptions, reasons), or the text is one line
   * (names, codes).
   */
  boolean multiLine() default false;
}
