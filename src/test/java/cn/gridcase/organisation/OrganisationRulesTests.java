package cn.gridcase.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gridcase.organisation.internal.IdCardNumber;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.test.GridCaseSpringTest;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rules G1–G5 through the organisation's public surface, on the demo township. */
@GridCaseSpringTest
class OrganisationRulesTests {

  private static final AtomicInteger SEQUENCE = new AtomicInteger(100);

  @Autowired Organisation organisation;

  @Autowired JdbcTemplate jdbc;

  @Test
  @DisplayName(
      "G1 a grid belongs to an existing village and its code is unique; every problem is listed")
  void gridHierarchyAndUniqueCode() {
    assertThatThrownBy(
            () -> organisation.createGrid(new Grid("GS-V01-G01", "", "GS-NOWHERE", null, 10, 10)))
        .isInstanceOfSatisfying(
            DomainRuleViolation.class,
            e ->
                assertThat(codes(e.errors()))
                    .containsExactlyInAnyOrder("G1.code", "G1.name", "G1.parent", "G2.type"));
    assertThatThrownBy(
            () ->
                organisation.createGrid(
                    new Grid("GS-V02-G09", "x", "GS", GridType.RURAL, 400, 1000)))
        .as("a grid under a township, not a village")
        .isInstanceOf(DomainRuleViolation.class);
  }

  @Test
  @DisplayName(
      "G2 a grid outside its size standard is created with a warning, not refused; exclusive grids"
          + " have none")
  void sizeWarnings() {
    Grid small =
        organisation.createGrid(
            new Grid("GS-V03-G90", "小网格", "GS-V03", GridType.URBAN_COMMUNITY, 90, 250));
    assertThat(small.warnings()).hasSize(1).first().asString().startsWith("G2");
    assertThat(organisation.grid("GS-V03-G90")).isPresent();
    assertThat(organisation.gridsWithWarnings())
        .extracting(Grid::code)
        .contains("GS-V03-G90", "GS-V08-G02");
    assertThat(GridType.URBAN_COMMUNITY.sizeWarnings(420, null)).isEmpty();
    assertThat(GridType.URBAN_COMMUNITY.sizeWarnings(150, 1000))
        .as("about 1,000 people suffices")
        .isEmpty();
    assertThat(GridType.EXCLUSIVE.sizeWarnings(3, 20)).isEmpty();
    assertThat(GridType.RURAL.sizeWarnings(120, 300)).hasSize(1);
  }

  @Test
  @DisplayName(
      "G2 a rural grid given only its population is measured by it: 300 people is below the"
          + " standard, 1,000 within, 3,000 a whole village")
  void ruralGridByPopulationAlone() {
    assertThat(GridType.RURAL.sizeWarnings(null, 300))
        .singleElement()
        .asString()
        .startsWith("G2")
        .contains("? households and 300 people");
    assertThat(GridType.RURAL.sizeWarnings(null, 1000)).isEmpty();
    assertThat(GridType.RURAL.sizeWarnings(null, 3000))
        .as("a whole administrative village")
        .isEmpty();
    assertThat(GridType.RURAL.sizeWarnings(null, null))
        .as("nothing known, nothing to warn of")
        .isEmpty();
  }

  @Test
  @DisplayName(
      "G3 one full-time grid worker per grid: a second is refused until the first appointment ends")
  void oneWorkerPerGrid() {
    organisation.createGrid(new Grid("GS-V04-G91", "新网格", "GS-V04", GridType.RURAL, 400, 1000));
    Appointment first = organisation.appoint(worker("GS-V04-G91", "第一", LocalDate.of(2026, 1, 1)));
    assertThatThrownBy(
            () -> organisation.appoint(worker("GS-V04-G91", "第二", LocalDate.of(2026, 6, 1))))
        .isInstanceOfSatisfying(
            DomainRuleViolation.class,
            e -> assertThat(codes(e.errors())).containsExactly("G3.oneWorkerPerGrid"));
    organisation.endAppointment(first.id(), LocalDate.of(2026, 5, 31), "调任");
    Appointment second = organisation.appoint(worker("GS-V04-G91", "第二", LocalDate.of(2026, 6, 1)));
    assertThat(second.id()).isNotEqualTo(first.id());
  }

  @Test
  @DisplayName(
      "G3 a grid worker is appointed by real name with a valid id-card number, stored only"
          + " protected")
  void realNameAndProtectedIdCard() {
    AppointmentRequest.PersonDetails nameless =
        new AppointmentRequest.PersonDetails(
            " ",
            "123",
            null,
            Education.SENIOR_HIGH,
            CurrentPost.NONE,
            Person.Exclusions.none(),
            null);
    assertThatThrownBy(
            () ->
                organisation.appoint(
                    new AppointmentRequest(
                        nameless, "GS-V05-G01", AppointmentRole.GRID_WORKER, null)))
        .isInstanceOfSatisfying(
            DomainRuleViolation.class,
            e -> assertThat(codes(e.errors())).contains("G3.realName", "G3.idCard"));
    String number =
        IdCardNumber.forBirthDate("330781", LocalDate.of(1992, 4, 1), SEQUENCE.incrementAndGet());
    organisation.appoint(
        new AppointmentRequest(
            new AppointmentRequest.PersonDetails(
                "钱明",
                number,
                "13900000000",
                Education.COLLEGE,
                CurrentPost.NONE,
                Person.Exclusions.none(),
                null),
            "GS-V05-G01",
            AppointmentRole.GRID_WORKER,
            LocalDate.of(2026, 1, 1)));
    String stored =
        jdbc.queryForObject(
            "select id_card_cipher || '|' || id_card_masked || '|' || id_card_hash"
                + " from person where real_name = '钱明'",
            String.class);
    assertThat(stored)
        .doesNotContain(number)
        .contains(number.substring(0, 3) + "***********" + number.substring(14));
  }

  @Test
  @DisplayName("G4 a role is held only in the kind of unit it belongs to")
  void roleFitsUnit() {
    assertThatThrownBy(
            () ->
                organisation.appoint(
                    new AppointmentRequest(
                        details("错位", 1990), "GS", AppointmentRole.GRID_LEADER, null)))
        .isInstanceOfSatisfying(
            DomainRuleViolation.class,
            e -> assertThat(codes(e.errors())).containsExactly("G4.roleUnit"));
  }

  @Test
  @DisplayName(
      "G5 a refused grid worker gets every reason at once: the exclusions, the township's extra"
          + " age, education and post conditions, and a grid that has its worker (G3)")
  void everyReason() {
    String number =
        IdCardNumber.forBirthDate("330781", LocalDate.of(1970, 1, 1), SEQUENCE.incrementAndGet());
    AppointmentRequest.PersonDetails person =
        new AppointmentRequest.PersonDetails(
            "全不符",
            number,
            null,
            Education.PRIMARY,
            CurrentPost.VILLAGE_PARTY_SECRETARY,
            new Person.Exclusions(true, true, true, true, true),
            null);
    assertThatThrownBy(
            () ->
                organisation.appoint(
                    new AppointmentRequest(
                        person,
                        "GS-V01-G01",
                        AppointmentRole.GRID_WORKER,
                        LocalDate.of(2026, 1, 1))))
        .isInstanceOfSatisfying(
            DomainRuleViolation.class,
            e ->
                assertThat(codes(e.errors()))
                    .containsExactlyInAnyOrder(
                        "G5.criminalRecord",
                        "G5.underInvestigation",
                        "G5.detained",
                        "G5.dismissed",
                        "G5.dishonest",
                        "G5.S1.age",
                        "G5.S1.education",
                        "G5.S1.post",
                        "G3.oneWorkerPerGrid"));
  }

  @Test
  @DisplayName(
      "G5 an invalid id-card number does not hide the other reasons: every exclusion, education,"
          + " post and the grid's worker are named with it")
  void invalidIdCardHidesNothing() {
    AppointmentRequest.PersonDetails person =
        new AppointmentRequest.PersonDetails(
            "号码错",
            "12345",
            null,
            Education.PRIMARY,
            CurrentPost.VILLAGE_PARTY_SECRETARY,
            new Person.Exclusions(true, false, false, false, true),
            null);
    assertThatThrownBy(
            () ->
                organisation.appoint(
                    new AppointmentRequest(
                        person,
                        "GS-V01-G01",
                        AppointmentRole.GRID_WORKER,
                        LocalDate.of(2026, 1, 1))))
        .isInstanceOfSatisfying(
            DomainRuleViolation.class,
            e ->
                assertThat(codes(e.errors()))
                    .containsExactlyInAnyOrder(
                        "G3.idCard",
                        "G5.criminalRecord",
                        "G5.dishonest",
                        "G5.S1.education",
                        "G5.S1.post",
                        "G3.oneWorkerPerGrid"));
  }

  @Test
  @DisplayName(
      "G5 the extra conditions of the township rules (source 001) are a township setting (default"
          + " on): switched off, age, education and post no longer refuse")
  void s1Setting() {
    organisation.createUnit(new Unit("LT", "岭头镇", UnitKind.TOWNSHIP, null));
    organisation.createUnit(new Unit("LT-V01", "岭头村", UnitKind.VILLAGE, "LT"));
    organisation.createGrid(new Grid("LT-V01-G01", "岭头第1网格", "LT-V01", GridType.RURAL, 400, 1000));
    assertThat(organisation.s1ExtraConditions("LT")).isTrue();
    String number =
        IdCardNumber.forBirthDate("330781", LocalDate.of(1968, 5, 5), SEQUENCE.incrementAndGet());
    AppointmentRequest request =
        new AppointmentRequest(
            new AppointmentRequest.PersonDetails(
                "年长者",
                number,
                null,
                Education.PRIMARY,
                CurrentPost.NONE,
                Person.Exclusions.none(),
                null),
            "LT-V01-G01",
            AppointmentRole.GRID_WORKER,
            LocalDate.of(2026, 1, 1));
    assertThatThrownBy(() -> organisation.appoint(request)).isInstanceOf(DomainRuleViolation.class);
    organisation.setS1ExtraConditions("LT", false);
    assertThat(organisation.appoint(request).role()).isEqualTo(AppointmentRole.GRID_WORKER);
  }

  @Test
  @DisplayName(
      "G4 appointments are never deleted: who was the grid worker of a grid on a given day")
  void responsibleOnDay() {
    organisation.createGrid(new Grid("GS-V07-G92", "历史网格", "GS-V07", GridType.RURAL, 400, 1000));
    Appointment first = organisation.appoint(worker("GS-V07-G92", "甲", LocalDate.of(2025, 1, 1)));
    organisation.endAppointment(first.id(), LocalDate.of(2026, 2, 28), "辞职");
    Appointment second = organisation.appoint(worker("GS-V07-G92", "乙", LocalDate.of(2026, 3, 1)));
    assertThat(
            organisation.responsibleOn(
                "GS-V07-G92", AppointmentRole.GRID_WORKER, LocalDate.of(2026, 2, 28)))
        .extracting(Appointment::id)
        .containsExactly(first.id());
    assertThat(
            organisation.responsibleOn(
                "GS-V07-G92", AppointmentRole.GRID_WORKER, LocalDate.of(2026, 3, 1)))
        .extracting(Appointment::id)
        .containsExactly(second.id());
    assertThat(
            organisation.responsibleOn(
                "GS-V07-G92", AppointmentRole.GRID_WORKER, LocalDate.of(2024, 12, 31)))
        .isEmpty();
    assertThat(organisation.appointmentsIn("GS-V07-G92")).hasSize(2);
    assertThat(
            organisation.responsibleOn(
                "GS-V01-G02", AppointmentRole.GRID_WORKER, LocalDate.of(2026, 3, 1)))
        .extracting(Appointment::username)
        .containsExactly("worker2");
  }

  private static AppointmentRequest worker(String grid, String name, LocalDate from) {
    return new AppointmentRequest(details(name, 1991), grid, AppointmentRole.GRID_WORKER, from);
  }

  private static AppointmentRequest.PersonDetails details(String name, int birthYear) {
    String number =
        IdCardNumber.forBirthDate(
            "330781", LocalDate.of(birthYear, 3, 3), SEQUENCE.incrementAndGet());
    return new AppointmentRequest.PersonDetails(
        name,
        number,
        null,
        Education.SENIOR_HIGH,
        CurrentPost.NONE,
        Person.Exclusions.none(),
        null);
  }

  private static List<String> codes(List<ApiError> errors) {
    return errors.stream().map(ApiError::code).toList();
  }
}
