package cn.gridcase.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.accountability.internal.CaseRepository;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The LIKE pattern that finds one investigator among a case's comma-separated investigators. */
class CaseMemberPatternTests {

  /** What SQL's {@code LIKE … ESCAPE '\'} does with the pattern, as a regular expression. */
  private static boolean like(String value, String pattern) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return value.matches(regex.toString());
  }

  @Test
  @DisplayName(
      "C6/S1 an investigator named li_ming matches only li_ming, not liXming: LIKE's wildcards in a"
          + " name are literal")
  void wildcardsInANameAreLiteral() {
    String pattern = CaseRepository.memberPattern("li_ming");
    assertThat(like(",li_ming,investigator1,", pattern)).isTrue();
    assertThat(like(",liXming,investigator1,", pattern)).isFalse();
    assertThat(like(",a%b,", CaseRepository.memberPattern("a%b"))).isTrue();
    assertThat(like(",axxb,", CaseRepository.memberPattern("a%b"))).isFalse();
  }
}
