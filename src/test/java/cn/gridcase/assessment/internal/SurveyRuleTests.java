package cn.gridcase.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rule A8's threshold in whole numbers, without Spring. */
class SurveyRuleTests {

  @ParameterizedTest(name = "满意 {0}, 基本满意 {1}, 不满意 {2} → more than 1/3: {3}")
  @CsvSource({
    "1, 1, 1, false",
    "2, 0, 1, false",
    "3, 3, 3, false",
    "100, 100, 100, false",
    "0, 0, 1, true",
    "2, 1, 2, true",
    "1, 1, 2, true",
    "3, 2, 3, true",
    "101, 100, 100, false",
    "100, 99, 100, true",
    "5, 0, 0, false",
    "0, 0, 0, false"
  })
  @DisplayName("A8: strictly more than one third 不满意 — exactly 1/3 is not, just above is")
  void boundary(int satisfied, int basically, int dissatisfied, boolean over) {
    assertThat(SurveyRule.overOneThird(satisfied, basically, dissatisfied)).isEqualTo(over);
  }

  @Test
  @DisplayName("A8: the share of 不满意 in percent, two decimals (1 of 3 → 33.33, 2 of 5 → 40.00)")
  void percent() {
    assertThat(SurveyRule.dissatisfiedPercent(1, 1, 1)).isEqualByComparingTo("33.33");
    assertThat(SurveyRule.dissatisfiedPercent(2, 1, 2)).isEqualByComparingTo("40.00");
    assertThat(SurveyRule.dissatisfiedPercent(1, 0, 2)).isEqualByComparingTo("66.67");
    assertThat(SurveyRule.dissatisfiedPercent(0, 0, 0)).isEqualByComparingTo("0");
  }
}
