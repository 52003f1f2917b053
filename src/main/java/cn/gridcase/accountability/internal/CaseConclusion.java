package cn.gridcase.accountability.internal;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The end of a case's investigation (调查处理), one typed command whichever door it came through:
 * {@code /api} (extend, decide, dismiss) or the investigation form (Tasklist, {@code
 * /engine-rest}). The values are as submitted; {@link CaseRules} judges them (C2, C4, C6).
 */
public sealed interface CaseConclusion extends Serializable {

  /** The routing value of the gateway 调查结论. */
  String outcome();

  /** Every text of the command by its form field, for {@link CaseRules#checkTexts}. */
  Map<String, Object> texts();

  /** C6: extend once, by 1 to 5 working days, with the reason. */
  record Extension(String workingDays, String reason) implements CaseConclusion {
    @Override
    public String outcome() {
      return "EXTEND";
    }

    @Override
    public Map<String, Object> texts() {
      Map<String, Object> texts = new LinkedHashMap<>();
      texts.put(CaseVariables.EXTENSION_DAYS, workingDays);
      texts.put(CaseVariables.EXTENSION_REASON, reason);
      return texts;
    }
  }

  /**
   * C2, C4: the decision. Codes as submitted, so an unknown one can be named in the refusal; {@code
   * aggravating} null keeps the circumstance the system detected (C4).
   */
  record Decision(
      String findings,
      List<String> measures,
      List<String> mitigating,
      List<String> aggravating,
      String reasoning)
      implements CaseConclusion {
    @Override
    public String outcome() {
      return "DECIDE";
    }

    @Override
    public Map<String, Object> texts() {
      Map<String, Object> texts = new LinkedHashMap<>();
      texts.put(CaseVariables.FINDINGS, findings);
      texts.put(CaseVariables.MEASURES, joined(measures));
      texts.put(CaseVariables.MITIGATING, joined(mitigating));
      texts.put(CaseVariables.AGGRAVATING, joined(aggravating));
      texts.put(CaseVariables.REASONING, reasoning);
      return texts;
    }
  }

  /** No liability found (免予追究), with the reasoning. */
  record Dismissal(String findings, String reasoning) implements CaseConclusion {
    @Override
    public String outcome() {
      return "DISMISS";
    }

    @Override
    public Map<String, Object> texts() {
      Map<String, Object> texts = new LinkedHashMap<>();
      texts.put(CaseVariables.FINDINGS, findings);
      texts.put(CaseVariables.REASONING, reasoning);
      return texts;
    }
  }

  /** An outcome the form does not know (refused as {@code C6.outcome}). */
  record Unknown(String outcome) implements CaseConclusion {
    @Override
    public Map<String, Object> texts() {
      Map<String, Object> texts = new LinkedHashMap<>();
      texts.put(CaseVariables.CASE_OUTCOME, outcome);
      return texts;
    }
  }

  private static String joined(List<String> codes) {
    return codes == null ? null : String.join(",", codes);
  }
}
