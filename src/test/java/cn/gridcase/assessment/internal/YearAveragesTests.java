package cn.gridcase.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.assessment.Grade;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The year's averages of A7 and A9 without Spring. */
class YearAveragesTests {

  @Test
  @DisplayName(
      "A7: two grids of different sizes — the leader's average is the mean of the per-grid"
          + " averages (86.00), not the mean of all twelve scores (88.00)")
  void meanOfGridMeans() {
    Map<String, List<Integer>> grids = new LinkedHashMap<>();
    // grid A: two grid workers over four quarters each (eight scores), mean 92.00
    grids.put("A", List.of(9000, 9400, 9200, 9200, 9100, 9300, 9200, 9200));
    // grid B: one grid worker, four quarters, mean 80.00
    grids.put("B", List.of(8000, 7900, 8100, 8000));
    assertThat(YearAverages.perGrid(grids).get("A")).isEqualByComparingTo("92");
    assertThat(YearAverages.perGrid(grids).get("B")).isEqualByComparingTo("80");
    assertThat(YearAverages.shown(YearAverages.overGrids(grids))).isEqualByComparingTo("86.00");
    List<Integer> all = grids.values().stream().flatMap(List::stream).toList();
    assertThat(YearAverages.shown(YearAverages.mean(all))).isEqualByComparingTo("88.00");
    assertThat(YearAverages.band(YearAverages.overGrids(grids))).isEqualTo(Grade.PASS);
  }

  @Test
  @DisplayName("A7: a grid without scores is left out of the mean; none at all gives no average")
  void gridsWithoutScores() {
    Map<String, List<Integer>> grids = new LinkedHashMap<>();
    grids.put("A", List.of(9050, 8950));
    grids.put("B", List.of());
    assertThat(YearAverages.perGrid(grids).get("B")).isNull();
    assertThat(YearAverages.overGrids(grids)).isEqualByComparingTo("90");
    assertThat(YearAverages.overGrids(Map.of("B", List.of()))).isNull();
    assertThat(YearAverages.band(null)).isNull();
  }

  @Test
  @DisplayName(
      "A7: thirds stay exact until shown — (91 + 90 + 90) / 3 → 90.33, (80 + 80 + 81) / 3 → 80.33")
  void exactThirds() {
    assertThat(YearAverages.shown(YearAverages.mean(List.of(9100, 9000, 9000))))
        .isEqualByComparingTo("90.33");
    Map<String, List<Integer>> three = new LinkedHashMap<>();
    three.put("A", List.of(8000));
    three.put("B", List.of(8000));
    three.put("C", List.of(8100));
    assertThat(YearAverages.shown(YearAverages.overGrids(three))).isEqualByComparingTo("80.33");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "100, EXCELLENT",
    "90, EXCELLENT",
    "89.995, EXCELLENT",
    "89.994, PASS",
    "70, PASS",
    "69.99, FAIL",
    "0, FAIL"
  })
  @DisplayName("A7: the band of the average by A5's thresholds, read from the shown two decimals")
  void bands(String average, Grade band) {
    assertThat(YearAverages.band(new BigDecimal(average))).isEqualTo(band);
  }
}
