package cn.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.security.internal.ChineseNames;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 11.4: names family name first in the webapps, which join "first last". */
class ChineseNamesTests {

  @Test
  @DisplayName(
      "Issue 11.4: 名 伟 and 姓 张 are kept whole as 张伟 in the first name, the last name empty"
          + " (Tasklist shows 张伟, not 伟 张)")
  void chineseNameKeptWhole() {
    UserEntity user = user("伟", "张");
    assertThat(ChineseNames.joinFamilyFirst(user)).isTrue();
    assertThat(user.getFirstName()).isEqualTo("张伟");
    assertThat(user.getLastName()).isEmpty();
    assertThat(
            new UserAccounts.Account("worker1", user.getFirstName(), user.getLastName(), null)
                .displayName())
        .as("the home page's name")
        .isEqualTo("张伟");
  }

  @Test
  @DisplayName(
      "Issue 11.4: Admin's form asks for 姓名 and 姓: 姓名 张伟 with 姓 张 stays 张伟, a two-character family"
          + " name too (欧阳娜)")
  void wholeNameWithFamilyNameStays() {
    UserEntity edited = user("张伟", "张");
    ChineseNames.joinFamilyFirst(edited);
    assertThat(edited.getFirstName()).isEqualTo("张伟");
    UserEntity compound = user("娜", "欧阳");
    ChineseNames.joinFamilyFirst(compound);
    assertThat(compound.getFirstName()).isEqualTo("欧阳娜");
  }

  @Test
  @DisplayName("Issue 11.4: a name already whole, or a Latin name, is left as it is")
  void othersUnchanged() {
    assertThat(ChineseNames.joinFamilyFirst(user("张伟", ""))).isFalse();
    assertThat(ChineseNames.joinFamilyFirst(user("张伟", null))).isFalse();
    UserEntity latin = user("Probe", "Lockout");
    assertThat(ChineseNames.joinFamilyFirst(latin)).isFalse();
    assertThat(latin.getFirstName()).isEqualTo("Probe");
    assertThat(latin.getLastName()).isEqualTo("Lockout");
  }

  private static UserEntity user(String firstName, String lastName) {
    UserEntity user = new UserEntity("someone");
    user.setFirstName(firstName);
    user.setLastName(lastName);
    return user;
  }
}
