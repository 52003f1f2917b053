package cn.gridcase.organisation;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Units and appointments in the project's own tables (Flyway migration V1). */
@Repository
class OrganisationRepository {

  private final JdbcTemplate jdbc;

  OrganisationRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Unit> findUnit(String code) {
    return jdbc.query("select code, name, kind, parent_code from org_unit where code = ?",
        OrganisationRepository::unit, code).stream().findFirst();
  }

  void insertUnit(Unit unit, OffsetDateTime now) {
    jdbc.update("insert into org_unit (code, name, kind, parent_code, created_at) values (?, ?, ?, ?, ?)",
        unit.code(), unit.name(), unit.kind().name(), unit.parentCode(), now);
  }

  long insertAppointment(String username, String unitCode, AppointmentRole role, LocalDate startsOn,
      OffsetDateTime now) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var statement = connection.prepareStatement(
          "insert into appointment (username, unit_code, role, starts_on, created_at) values (?, ?, ?, ?, ?)",
          new String[] {"id"});
      statement.setString(1, username);
      statement.setString(2, unitCode);
      statement.setString(3, role.name());
      statement.setDate(4, Date.valueOf(startsOn));
      statement.setObject(5, now);
      return statement;
    }, key);
    return key.getKey().longValue();
  }

  List<Appointment> appointmentsOf(String username) {
    return jdbc.query("select id, username, unit_code, role, starts_on, ends_on from appointment"
        + " where username = ? order by starts_on, id", OrganisationRepository::appointment, username);
  }

  private static Unit unit(ResultSet rs, int row) throws SQLException {
    return new Unit(rs.getString("code"), rs.getString("name"), UnitKind.valueOf(rs.getString("kind")),
        rs.getString("parent_code"));
  }

  private static Appointment appointment(ResultSet rs, int row) throws SQLException {
    Date ends = rs.getDate("ends_on");
    return new Appointment(rs.getLong("id"), rs.getString("username"), rs.getString("unit_code"),
        AppointmentRole.valueOf(rs.getString("role")), rs.getDate("starts_on").toLocalDate(),
        ends == null ? null : ends.toLocalDate());
  }
}
