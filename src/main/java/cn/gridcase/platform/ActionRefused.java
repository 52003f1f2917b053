package cn.gridcase.platform;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A user's action on a process refused by GridCase inside the engine (e.g. completing a task
 * someone else holds). Its message is written for the user and is shown as it is — unlike the
 * engine's own authorization messages, which name permissions and resources.
 */
public class ActionRefused extends AuthorizationException {

  public ActionRefused(String message) {
    super(message);
  }
}
