package cn.gridcase.organisation.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * A resident identity card number (GB 11643): 17 digits and a check character (ISO 7064 MOD 11-2),
 * with the date of birth in positions 7–14.
 */
public final class IdCardNumber {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
  private static final DateTimeFormatter BIRTH =
      DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

  private IdCardNumber() {}

  /** The number in canonical form, or null if it is not a valid number. */
  public static String normalise(String number) {
    if (number == null) {
      return null;
    }
    String n = number.trim().toUpperCase();
    if (!n.matches("\\d{17}[\\dX]")) {
      return null;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (n.charAt(i) - '0') * WEIGHTS[i];
    }
    if (CHECK[sum % 11] != n.charAt(17)) {
      return null;
    }
    try {
      LocalDate.parse(n.substring(6, 14), BIRTH);
    } catch (DateTimeParseException e) {
      return null;
    }
    return n;
  }

  public static LocalDate birthDate(String normalised) {
    return LocalDate.parse(normalised.substring(6, 14), BIRTH);
  }

  public static String mask(String normalised) {
    return normalised.substring(0, 3) + "*".repeat(11) + normalised.substring(14);
  }

  /** A valid number for a birth date (test and demo data). */
  public static String forBirthDate(String areaCode, LocalDate birth, int sequence) {
    String body =
        areaCode
            + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
            + String.format("%03d", sequence % 1000);
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (body.charAt(i) - '0') * WEIGHTS[i];
    }
    return body + CHECK[sum % 11];
  }
}
