package cn.gridcase.platform;

/**
 * The thing does not exist, or the caller may not know that it exists (HTTP 404): out-of-scope
 * reads answer exactly like unknown ones.
 */
public class NotFound extends RuntimeException {

  public NotFound(String detail) {
    super(detail);
  }
}
