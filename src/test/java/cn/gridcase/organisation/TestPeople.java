package cn.gridcase.organisation;

import cn.gridcase.organisation.internal.IdCardNumber;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/** People with valid (made-up) id-card numbers for tests of other features. */
public final class TestPeople {

  private static final AtomicInteger SEQUENCE = new AtomicInteger(700);

  private TestPeople() {}

  /** An eligible person with a login name. */
  public static AppointmentRequest.PersonDetails person(String name, String username) {
    String number =
        IdCardNumber.forBirthDate("330781", LocalDate.of(1988, 6, 6), SEQUENCE.incrementAndGet());
    return new AppointmentRequest.PersonDetails(
        name,
        number,
        "13900001111",
        Education.SENIOR_HIGH,
        CurrentPost.NONE,
        Person.Exclusions.none(),
        username);
  }
}
