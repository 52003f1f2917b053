package cn.gridcase.platform;

import java.util.List;
import java.util.Optional;

/** A domain rule refused the request (HTTP 422). Carries every problem found, not the first. */
public class DomainRuleViolation extends RuntimeException {

  private final List<ApiError> errors;
  private final String detail;

  public DomainRuleViolation(String detail, List<ApiError> errors) {
    super(detail);
    this.detail = detail;
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a rule violation names at least one problem");
    }
    this.errors = List.copyOf(errors);
  }

  /**
   * The detail with every problem: what Tasklist and {@code /engine-rest} show when a task listener
   * refuses a step (they display only the exception's message).
   */
  public String describe() {
    StringBuilder text = new StringBuilder(detail).append(':');
    for (ApiError error : errors) {
      text.append(" [").append(error.code()).append("] ").append(error.message()).append(';');
    }
    return text.substring(0, text.length() - 1);
  }

  /**
   * The violation behind an exception, if any: a task listener's refusal reaches callers wrapped in
   * the engine's exceptions.
   */
  public static Optional<DomainRuleViolation> in(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof DomainRuleViolation violation) {
        return Optional.of(violation);
      }
    }
    return Optional.empty();
  }

  public List<ApiError> errors() {
    return errors;
  }
}
