package cn.gridcase.event.internal;

import cn.gridcase.platform.ApiError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What was submitted at a step, mapped: the typed command ({@code null} when none could be made,
 * e.g. no outcome chosen), the texts that break {@code TextRules}, and the values that could not be
 * read into the command (an unknown code). The step's rules then check the command.
 */
public record Submitted<C>(C command, List<ApiError> texts, List<ApiError> unreadable) {

  public Submitted {
    texts = List.copyOf(texts);
    unreadable = List.copyOf(unreadable);
  }

  /** A command built from typed input: nothing was unreadable. */
  public static <C> Submitted<C> of(C command) {
    return new Submitted<>(command, List.of(), List.of());
  }

  /** {@code value} as a submission of a {@code commandType} command, or null when it is none. */
  @SuppressWarnings("unchecked") // checked: the command, when there is one, is a commandType
  static <C> Submitted<C> as(Object value, Class<C> commandType) {
    return value instanceof Submitted<?> submitted
            && (submitted.command() == null || commandType.isInstance(submitted.command()))
        ? (Submitted<C>) submitted
        : null;
  }

  /**
   * Every problem, in the order a user reads them: {@link #with(List, List)} with nothing after.
   */
  List<ApiError> with(List<ApiError> ruleErrors) {
    return with(ruleErrors, List.of());
  }

  /**
   * Every problem, in the order a user reads them: the texts, then the rules' findings — where a
   * finding is about a value that could not be read, the reason it could not (an unknown agreement
   * form is not also "missing") — then what could not be read and the rules did not mention, then
   * {@code lastErrors} (E6's delay reason comes after an unknown agreement form, as it always has).
   */
  List<ApiError> with(List<ApiError> ruleErrors, List<ApiError> lastErrors) {
    Map<String, ApiError> unplaced = new LinkedHashMap<>();
    unreadable.forEach(problem -> unplaced.put(problem.field(), problem));
    List<ApiError> all = new ArrayList<>(texts);
    for (ApiError finding : ruleErrors) {
      ApiError instead = unplaced.remove(finding.field());
      all.add(instead == null ? finding : instead);
    }
    all.addAll(unplaced.values());
    all.addAll(lastErrors);
    return all;
  }
}
