package cn.gridcase.event.internal;

import static cn.gridcase.event.internal.EventRules.text;

import cn.gridcase.event.Satisfaction;
import cn.gridcase.platform.ApiError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The feedback step's one mapper between the feedback form's fields and its {@link Feedback}
 * command.
 */
public final class FeedbackVariables {

  static final List<String> FIELDS = List.of(EventVariables.SATISFACTION, EventVariables.COMMENT);

  private FeedbackVariables() {}

  /**
   * The command the submitted fields make, with what could not be read (a bad text, an unknown
   * satisfaction).
   */
  public static Submitted<Feedback> read(Function<String, Object> variable) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String field : FIELDS) {
      values.put(field, variable.apply(field));
    }
    List<ApiError> texts = EventRules.checkTexts(values);
    List<ApiError> problems = new ArrayList<>();
    String satisfactionText = text(values.get(EventVariables.SATISFACTION));
    Satisfaction satisfaction = null;
    if (satisfactionText != null) {
      try {
        satisfaction = Satisfaction.valueOf(satisfactionText);
      } catch (IllegalArgumentException e) {
        problems.add(
            new ApiError(
                "satisfaction",
                "E9.satisfaction",
                "'"
                    + satisfactionText
                    + "' is not SATISFIED, BASICALLY_SATISFIED or DISSATISFIED"));
      }
    }
    Feedback feedback = new Feedback(satisfaction, text(values.get(EventVariables.COMMENT)));
    return new Submitted<>(feedback, texts, problems);
  }

  /**
   * After a valid feedback the form's fields leave the process (the event's tables keep them, E10).
   */
  static void clear(DelegateExecution execution) {
    for (String field : FIELDS) {
      execution.removeVariable(field);
    }
  }
}
