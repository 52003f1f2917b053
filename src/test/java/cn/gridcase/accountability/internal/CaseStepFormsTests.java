package cn.gridcase.accountability.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.gridcase.accountability.Circumstance;
import cn.gridcase.accountability.Measure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The one mapping from the case forms' variables to the steps' commands (issue 12 A2), without
 * Spring.
 */
class CaseStepFormsTests {

  private final CaseStepForms forms = new CaseStepForms();

  private static VariableScope form(Object... pairs) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      values.put((String) pairs[i], pairs[i + 1]);
    }
    VariableScope scope = mock(VariableScope.class);
    when(scope.getVariable(anyString()))
        .thenAnswer(call -> values.get(call.<String>getArgument(0)));
    return scope;
  }

  @Test
  @DisplayName(
      "C2 C4 the investigation form's checkboxes and codes become one decision, each circumstance"
          + " by its kind")
  void decision() {
    CaseConclusion conclusion =
        forms.conclusion(
            form(
                "caseOutcome",
                "DECIDE",
                "measures",
                "ECONOMIC",
                "measure_TALK",
                true,
                "measure_DISMISSAL",
                false,
                "circumstance_REMEDIED",
                true,
                "circumstance_REPEATED_WITHIN_YEAR",
                true,
                "aggravating",
                "OBSTRUCTION",
                "reasoning",
                "事实清楚"));
    assertThat(conclusion)
        .isEqualTo(
            new CaseConclusion.Decision(
                null,
                List.of("ECONOMIC", "TALK"),
                List.of("REMEDIED"),
                List.of("OBSTRUCTION", "REPEATED_WITHIN_YEAR"),
                "事实清楚"));
  }

  @Test
  @DisplayName(
      "C6 an extension's number field becomes its working days; an unknown outcome stays unknown")
  void extensionAndUnknown() {
    assertThat(
            forms.conclusion(
                form("caseOutcome", "EXTEND", "extensionDays", 3L, "extensionReason", " 复杂 ")))
        .isEqualTo(new CaseConclusion.Extension("3", "复杂"));
    assertThat(forms.conclusion(form("caseOutcome", "LATER")))
        .isEqualTo(new CaseConclusion.Unknown("LATER"));
    assertThat(forms.notice(form("notifiedAt", "2026-11-25T10:00:00+08:00", "channel", "电话告知")))
        .isEqualTo(new SubjectNotice("2026-11-25T10:00:00+08:00", "电话告知"));
    assertThat(forms.execution(form("executionNote", "已约谈"))).isEqualTo(new ExecutionRecord("已约谈"));
  }

  @Test
  @DisplayName(
      "C2 C4 every measure and circumstance has its checkbox in the catalogue, and the form has"
          + " each")
  void catalogueCoversTheForm() throws IOException {
    assertThat(CaseVariables.MEASURE_BOXES).containsOnlyKeys(Measure.values());
    assertThat(CaseVariables.CIRCUMSTANCE_BOXES).containsOnlyKeys(Circumstance.values());
    String form = Files.readString(Path.of("forms/accountability-investigate.form"));
    CaseVariables.MEASURE_BOXES
        .values()
        .forEach(box -> assertThat(form).contains("\"key\": \"" + box + "\""));
    CaseVariables.CIRCUMSTANCE_BOXES
        .values()
        .forEach(box -> assertThat(form).contains("\"key\": \"" + box + "\""));
  }
}
