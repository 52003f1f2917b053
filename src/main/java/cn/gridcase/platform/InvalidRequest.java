package cn.gridcase.platform;

import java.util.List;

/**
 * The request itself is malformed: a parameter or field that cannot be read (HTTP 400), every
 * problem listed.
 */
public class InvalidRequest extends RuntimeException {

  private final List<ApiError> errors;

  public InvalidRequest(String detail, List<ApiError> errors) {
    super(detail);
    this.errors = List.copyOf(errors);
  }

  public List<ApiError> errors() {
    return errors;
  }
}
