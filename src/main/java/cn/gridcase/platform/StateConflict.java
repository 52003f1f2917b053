package cn.gridcase.platform;

/** The action does not fit the current state of the thing it acts on (HTTP 409). */
public class StateConflict extends RuntimeException {

  public StateConflict(String detail) {
    super(detail);
  }
}
