package cn.gridcase.organisation.internal;

import cn.gridcase.organisation.Appointment;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.organisation.CurrentPost;
import cn.gridcase.organisation.Education;
import cn.gridcase.organisation.FactChange;
import cn.gridcase.organisation.Grid;
import cn.gridcase.organisation.GridType;
import cn.gridcase.organisation.Person;
import cn.gridcase.organisation.PersonFact;
import cn.gridcase.organisation.Unit;
import cn.gridcase.organisation.UnitKind;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Units, grids, people and appointments in the project's own tables (Flyway V1, V4, V10). */
@Repository
public class OrganisationRepository {

  private static final String APPOINTMENT_COLUMNS =
      "id, username, person_id, unit_code, role, starts_on, ends_on";
  private static final String PERSON_COLUMNS =
      "id, real_name, id_card_masked, birth_date, phone, education, current_post, criminal_record,"
          + " under_investigation, detained, dismissed_from_office, dishonest_person, username";

  private final JdbcTemplate jdbc;

  /**
   * Counts committed changes of units and appointments: what the access scopes are computed from.
   */
  private final AtomicLong generation = new AtomicLong();

  OrganisationRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  // units and grids

  /** How long a read is kept: long enough for a burst of requests, short enough for a cluster. */
  static final Duration KEPT_FOR = Duration.ofSeconds(30);

  private static final Object WROTE = OrganisationRepository.class.getName() + ".wrote";

  /**
   * Units and appointments as read by the hot paths (every report and every request asks who may do
   * what) and what is derived from them (access scopes), kept for {@link #KEPT_FOR} under the count
   * of committed changes: a change on this node is seen at once, one made on another node of a
   * cluster within that time. A transaction that has changed them reads the tables.
   */
  private final Cache<List<Object>, Object> reads =
      Caffeine.newBuilder().expireAfterWrite(KEPT_FOR).maximumSize(10_000).build();

  /**
   * Changes to units and appointments committed so far on this node (a key for derived caches), or
   * -1 inside a transaction that has changed them and not committed yet: nothing to keep then.
   */
  private long generation() {
    return TransactionSynchronizationManager.hasResource(WROTE) ? -1 : generation.get();
  }

  @SuppressWarnings("unchecked")
  public <T> T kept(String what, Object key, Supplier<T> read) {
    long current = generation();
    if (current < 0) {
      return read.get();
    }
    if (key == null) {
      return read.get();
    }
    // read outside the cache's lock: the read takes a pooled connection, and callers inside
    // transactions, each holding one, may be waiting for this key (a full pool would stall)
    List<Object> cacheKey = List.of(what, key, current);
    Object value = reads.getIfPresent(cacheKey);
    if (value == null) {
      value = read.get();
      reads.put(cacheKey, value);
    }
    return (T) value;
  }

  /**
   * Counts a change once its transaction has completed, so nothing reads the old state under the
   * new count.
   */
  private void changed() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      if (TransactionSynchronizationManager.hasResource(WROTE)) {
        return;
      }
      TransactionSynchronizationManager.bindResource(WROTE, Boolean.TRUE);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(WROTE);
              generation.incrementAndGet();
            }
          });
    } else {
      generation.incrementAndGet();
    }
  }

  public Optional<Unit> findUnit(String code) {
    return kept(
        "unit",
        code,
        () ->
            jdbc
                .query(
                    "select code, name, kind, parent_code from org_unit where code = ?",
                    OrganisationRepository::unit,
                    code)
                .stream()
                .findFirst());
  }

  public List<Unit> units(UnitKind kind) {
    return kind == null
        ? jdbc.query(
            "select code, name, kind, parent_code from org_unit order by code",
            OrganisationRepository::unit)
        : jdbc.query(
            "select code, name, kind, parent_code from org_unit where kind = ? order by code",
            OrganisationRepository::unit,
            kind.name());
  }

  public List<Unit> childrenOf(String parentCode) {
    return kept(
        "children",
        parentCode,
        () ->
            List.copyOf(
                jdbc.query(
                    "select code, name, kind, parent_code"
                        + " from org_unit where parent_code = ? order by code",
                    OrganisationRepository::unit,
                    parentCode)));
  }

  public void insertUnit(Unit unit, OffsetDateTime now) {
    changed();
    jdbc.update(
        "insert into org_unit (code, name, kind, parent_code, created_at) values (?, ?, ?, ?, ?)",
        unit.code(),
        unit.name(),
        unit.kind().name(),
        unit.parentCode(),
        now);
  }

  public void insertGrid(Grid grid, OffsetDateTime now) {
    changed();
    jdbc.update(
        "insert into org_unit (code, name, kind, parent_code, grid_type, households, population,"
            + " created_at) values (?, ?, 'GRID', ?, ?, ?, ?, ?)",
        grid.code(),
        grid.name(),
        grid.villageCode(),
        grid.type() == null ? null : grid.type().name(),
        grid.households(),
        grid.population(),
        now);
  }

  public Optional<Grid> findGrid(String code) {
    return kept(
        "grid",
        code,
        () ->
            jdbc
                .query(
                    "select code, name, parent_code, grid_type, households, population"
                        + " from org_unit where kind = 'GRID' and code = ?",
                    OrganisationRepository::grid,
                    code)
                .stream()
                .findFirst());
  }

  public List<Grid> grids() {
    return jdbc.query(
        "select code, name, parent_code, grid_type, households, population from org_unit"
            + " where kind = 'GRID' order by code",
        OrganisationRepository::grid);
  }

  /** The township a unit belongs to (itself for a township). */
  public Optional<String> townshipOf(String unitCode) {
    String code = unitCode;
    for (int depth = 0; depth < 5 && code != null; depth++) {
      Optional<Unit> unit = findUnit(code);
      if (unit.isEmpty()) {
        return Optional.empty();
      }
      if (unit.get().kind() == UnitKind.TOWNSHIP) {
        return Optional.of(unit.get().code());
      }
      code = unit.get().parentCode();
    }
    return Optional.empty();
  }

  public boolean s1ExtraConditions(String townshipCode) {
    List<Boolean> setting =
        jdbc.queryForList(
            "select s1_extra_conditions from township_setting where township_code = ?",
            Boolean.class,
            townshipCode);
    return setting.isEmpty() || setting.get(0);
  }

  public void setS1ExtraConditions(String townshipCode, boolean on) {
    if (jdbc.update(
            "update township_setting set s1_extra_conditions = ? where township_code = ?",
            on,
            townshipCode)
        == 0) {
      jdbc.update(
          "insert into township_setting (township_code, s1_extra_conditions) values (?, ?)",
          townshipCode,
          on);
    }
  }

  // people

  public long insertPerson(NewPerson person, OffsetDateTime now) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        connection -> {
          var statement =
              connection.prepareStatement(
                  "insert into person (real_name, id_card_hash, id_card_cipher, id_card_masked,"
                      + " birth_date, phone, education, current_post, criminal_record,"
                      + " under_investigation, detained, dismissed_from_office, dishonest_person,"
                      + " username, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                      + " ?)",
                  new String[] {"id"});
          statement.setString(1, person.realName());
          statement.setString(2, person.idCardHash());
          statement.setString(3, person.idCardCipher());
          statement.setString(4, person.idCardMasked());
          statement.setDate(5, Date.valueOf(person.birthDate()));
          statement.setString(6, person.phone());
          statement.setString(7, person.education() == null ? null : person.education().name());
          statement.setString(8, person.currentPost().name());
          Person.Exclusions x = person.exclusions();
          statement.setBoolean(9, x.criminalRecord());
          statement.setBoolean(10, x.underInvestigation());
          statement.setBoolean(11, x.detained());
          statement.setBoolean(12, x.dismissedFromOffice());
          statement.setBoolean(13, x.dishonestPerson());
          statement.setString(14, person.username());
          statement.setObject(15, now);
          return statement;
        },
        key);
    return key.getKey().longValue();
  }

  public record NewPerson(
      String realName,
      String idCardHash,
      String idCardCipher,
      String idCardMasked,
      LocalDate birthDate,
      String phone,
      Education education,
      CurrentPost currentPost,
      Person.Exclusions exclusions,
      String username) {}

  public Optional<Person> personByIdCardHash(String hash) {
    return jdbc
        .query(
            "select " + PERSON_COLUMNS + " from person where id_card_hash = ?",
            OrganisationRepository::person,
            hash)
        .stream()
        .findFirst();
  }

  public Optional<Person> person(long id) {
    return jdbc
        .query(
            "select " + PERSON_COLUMNS + " from person where id = ?",
            OrganisationRepository::person,
            id)
        .stream()
        .findFirst();
  }

  /**
   * The person, locked until the transaction ends: two corrections of one file do not interleave.
   */
  public Optional<Person> personForUpdate(long id) {
    return jdbc
        .query(
            "select " + PERSON_COLUMNS + " from person where id = ? for update",
            OrganisationRepository::person,
            id)
        .stream()
        .findFirst();
  }

  public void updateFacts(Person person) {
    Person.Exclusions x = person.exclusions();
    jdbc.update(
        "update person set education = ?, current_post = ?, criminal_record = ?,"
            + " under_investigation = ?, detained = ?, dismissed_from_office = ?, dishonest_person"
            + " = ? where id = ?",
        person.education() == null ? null : person.education().name(),
        person.currentPost().name(),
        x.criminalRecord(),
        x.underInvestigation(),
        x.detained(),
        x.dismissedFromOffice(),
        x.dishonestPerson(),
        person.id());
  }

  public void insertFactChange(
      long personId,
      PersonFact fact,
      String oldValue,
      String newValue,
      String reason,
      String changedBy,
      OffsetDateTime at) {
    jdbc.update(
        "insert into person_fact_change (person_id, fact, old_value, new_value, reason, changed_by,"
            + " changed_at) values (?, ?, ?, ?, ?, ?, ?)",
        personId,
        fact.name(),
        oldValue,
        newValue,
        reason,
        changedBy,
        at);
  }

  public List<FactChange> factChanges(long personId) {
    return jdbc.query(
        "select id, person_id, fact, old_value, new_value, reason, changed_by, changed_at"
            + " from person_fact_change where person_id = ? order by changed_at, id",
        (rs, row) ->
            new FactChange(
                rs.getLong("id"),
                rs.getLong("person_id"),
                PersonFact.valueOf(rs.getString("fact")),
                rs.getString("old_value"),
                rs.getString("new_value"),
                rs.getString("reason"),
                rs.getString("changed_by"),
                rs.getObject("changed_at", OffsetDateTime.class)),
        personId);
  }

  public Optional<String> idCardCipher(long personId) {
    return jdbc
        .queryForList("select id_card_cipher from person where id = ?", String.class, personId)
        .stream()
        .findFirst();
  }

  public List<Person> peopleNamed(String namePart, int limit) {
    return jdbc.query(
        "select "
            + PERSON_COLUMNS
            + " from person where real_name like ? order by real_name, id"
            + " fetch first "
            + limit
            + " rows only",
        OrganisationRepository::person,
        "%" + namePart + "%");
  }

  // appointments

  public long insertAppointment(
      String username,
      Long personId,
      String unitCode,
      AppointmentRole role,
      LocalDate startsOn,
      OffsetDateTime now) {
    changed();
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        connection -> {
          var statement =
              connection.prepareStatement(
                  "insert into appointment (username, person_id, unit_code, role,"
                      + " starts_on, created_at) values (?, ?, ?, ?, ?, ?)",
                  new String[] {"id"});
          statement.setString(1, username);
          statement.setObject(2, personId);
          statement.setString(3, unitCode);
          statement.setString(4, role.name());
          statement.setDate(5, Date.valueOf(startsOn));
          statement.setObject(6, now);
          return statement;
        },
        key);
    return key.getKey().longValue();
  }

  public Optional<Appointment> appointment(long id) {
    return jdbc
        .query(
            "select " + APPOINTMENT_COLUMNS + " from appointment where id = ?",
            OrganisationRepository::appointment,
            id)
        .stream()
        .findFirst();
  }

  public void endAppointment(long id, LocalDate endsOn, String reason) {
    changed();
    jdbc.update(
        "update appointment set ends_on = ?, end_reason = ? where id = ?",
        Date.valueOf(endsOn),
        reason,
        id);
  }

  public List<Appointment> appointmentsOf(String username) {
    return kept(
        "appointmentsOf",
        username,
        () ->
            List.copyOf(
                jdbc.query(
                    "select "
                        + APPOINTMENT_COLUMNS
                        + " from appointment where username = ? order by starts_on, id",
                    OrganisationRepository::appointment,
                    username)));
  }

  public List<Appointment> appointmentsIn(String unitCode) {
    return kept(
        "appointmentsIn",
        unitCode,
        () ->
            List.copyOf(
                jdbc.query(
                    "select "
                        + APPOINTMENT_COLUMNS
                        + " from appointment where unit_code = ? order by starts_on, id",
                    OrganisationRepository::appointment,
                    unitCode)));
  }

  /** Appointments of a role in a unit that are in force on some day from {@code from} on. */
  public List<Appointment> appointmentsFrom(String unitCode, AppointmentRole role, LocalDate from) {
    return jdbc.query(
        "select "
            + APPOINTMENT_COLUMNS
            + " from appointment where unit_code = ? and role = ?"
            + " and (ends_on is null or ends_on >= ?) order by starts_on, id",
        OrganisationRepository::appointment,
        unitCode,
        role.name(),
        Date.valueOf(from));
  }

  public List<Appointment> allAppointments() {
    return jdbc.query(
        "select " + APPOINTMENT_COLUMNS + " from appointment order by unit_code, starts_on, id",
        OrganisationRepository::appointment);
  }

  /**
   * Users whose appointments start or end around {@code day} (their groups may change that day).
   */
  List<String> usersChangingOn(LocalDate day) {
    return jdbc.queryForList(
        "select distinct username from appointment where username is not null"
            + " and (starts_on = ? or ends_on = ?)",
        String.class,
        Date.valueOf(day),
        Date.valueOf(day.minusDays(1)));
  }

  private static Unit unit(ResultSet rs, int row) throws SQLException {
    return new Unit(
        rs.getString("code"),
        rs.getString("name"),
        UnitKind.valueOf(rs.getString("kind")),
        rs.getString("parent_code"));
  }

  private static Grid grid(ResultSet rs, int row) throws SQLException {
    String type = rs.getString("grid_type");
    return new Grid(
        rs.getString("code"),
        rs.getString("name"),
        rs.getString("parent_code"),
        type == null ? null : GridType.valueOf(type),
        (Integer) rs.getObject("households", Integer.class),
        (Integer) rs.getObject("population", Integer.class));
  }

  private static Person person(ResultSet rs, int row) throws SQLException {
    String education = rs.getString("education");
    return new Person(
        rs.getLong("id"),
        rs.getString("real_name"),
        rs.getString("id_card_masked"),
        rs.getDate("birth_date").toLocalDate(),
        rs.getString("phone"),
        education == null ? null : Education.valueOf(education),
        CurrentPost.valueOf(rs.getString("current_post")),
        new Person.Exclusions(
            rs.getBoolean("criminal_record"),
            rs.getBoolean("under_investigation"),
            rs.getBoolean("detained"),
            rs.getBoolean("dismissed_from_office"),
            rs.getBoolean("dishonest_person")),
        rs.getString("username"));
  }

  private static Appointment appointment(ResultSet rs, int row) throws SQLException {
    Date ends = rs.getDate("ends_on");
    Long personId = rs.getObject("person_id", Long.class);
    return new Appointment(
        rs.getLong("id"),
        rs.getString("username"),
        personId,
        rs.getString("unit_code"),
        AppointmentRole.valueOf(rs.getString("role")),
        rs.getDate("starts_on").toLocalDate(),
        ends == null ? null : ends.toLocalDate());
  }
}
