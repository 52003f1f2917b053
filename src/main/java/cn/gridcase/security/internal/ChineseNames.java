package cn.gridcase.security.internal;

import org.camunda.bpm.engine.identity.User;

/**
 * A Chinese name is one string, family name first (张伟, 欧阳娜). Camunda's identity has a first and a
 * last name, and the webapps join them as "first last" (Tasklist's assignee and title bar: "伟 张").
 * So a Chinese name is kept whole in the first name and the last name stays empty: Tasklist, Admin
 * and Welcome show 张伟, and {@link UserAccounts.Account#displayName()} (last + first) is still 张伟.
 *
 * <p>Applied to every user the engine saves ({@link LockoutIdentityProvider#saveUser}): an account
 * created by GridCase with 名 伟 / 姓 张, a user created or edited in Admin or on the Welcome page
 * (their zh locale labels the fields 姓名 and 姓), and, once at start, the users saved before this
 * rule ({@link IdentityBootstrap}). Latin names ("Ada Lovelace") keep Camunda's two fields.
 */
public final class ChineseNames {

  private ChineseNames() {}

  /**
   * Joins a Chinese first and last name into the first name, family name first; a first name that
   * already starts with the family name (姓名 张伟 with 姓 张, as Admin's form asks for both) is kept.
   *
   * @return true when the user was changed
   */
  public static boolean joinFamilyFirst(User user) {
    String given = blankToEmpty(user.getFirstName());
    String family = blankToEmpty(user.getLastName());
    if (family.isEmpty() || !(hasHan(given) || hasHan(family))) {
      return false;
    }
    user.setFirstName(given.startsWith(family) ? given : family + given);
    user.setLastName("");
    return true;
  }

  private static String blankToEmpty(String text) {
    return text == null ? "" : text.strip();
  }

  static boolean hasHan(String text) {
    return text.codePoints()
        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }
}
