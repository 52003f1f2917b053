package cn.gridcase.platform;

import java.util.List;

/** A domain rule refused the request (HTTP 422). Carries every problem found, not the first. */
public class DomainRuleViolation extends RuntimeException {

  private final List<ApiError> errors;

  public DomainRuleViolation(String detail, List<ApiError> errors) {
    super(detail);
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a rule violation names at least one problem");
    }
    this.errors = List.copyOf(errors);
  }

  public List<ApiError> errors() {
    return errors;
  }
}
