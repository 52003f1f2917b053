package cn.gridcase.organisation.internal;

import cn.gridcase.organisation.SpecialGroup;
import cn.gridcase.organisation.SpecialPerson;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The special-group register (Flyway V13, table {@code special_person}). */
@Repository
public class SpecialPersonRepository {

  private static final String COLUMNS =
      "id, grid_code, name, special_group, household, registered_on, registered_by, left_on,"
          + " left_reason, left_by";

  private final JdbcTemplate jdbc;

  SpecialPersonRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public long insert(
      String gridCode,
      String name,
      SpecialGroup group,
      String household,
      LocalDate registeredOn,
      String registeredBy,
      OffsetDateTime now) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(
        connection -> {
          PreparedStatement insert =
              connection.prepareStatement(
                  "insert into special_person (grid_code, name, special_group, household,"
                      + " registered_on, registered_by, created_at) values (?, ?, ?, ?, ?, ?, ?)",
                  new String[] {"id"});
          insert.setString(1, gridCode);
          insert.setString(2, name);
          insert.setString(3, group.name());
          insert.setString(4, household);
          insert.setDate(5, Date.valueOf(registeredOn));
          insert.setString(6, registeredBy);
          insert.setObject(7, now);
          return insert;
        },
        keys);
    return keys.getKey().longValue();
  }

  /** Records the end date; false when the person had already left (changed meanwhile). */
  public boolean leave(long id, LocalDate leftOn, String reason, String by) {
    return jdbc.update(
            "update special_person set left_on = ?, left_reason = ?, left_by = ?"
                + " where id = ? and left_on is null",
            Date.valueOf(leftOn),
            reason,
            by,
            id)
        == 1;
  }

  public Optional<SpecialPerson> find(long id) {
    return jdbc
        .query(
            "select " + COLUMNS + " from special_person where id = ?",
            SpecialPersonRepository::person,
            id)
        .stream()
        .findFirst();
  }

  /** A grid's register, oldest registration first. */
  public List<SpecialPerson> inGrid(String gridCode) {
    return jdbc.query(
        "select " + COLUMNS + " from special_person where grid_code = ? order by registered_on, id",
        SpecialPersonRepository::person,
        gridCode);
  }

  /** The persons of the grids on the register on some day from {@code from} to {@code to}. */
  public List<SpecialPerson> registeredIn(
      Collection<String> gridCodes, LocalDate from, LocalDate to) {
    if (gridCodes.isEmpty()) {
      return List.of();
    }
    List<Object> args = new ArrayList<>(gridCodes);
    args.add(Date.valueOf(to));
    args.add(Date.valueOf(from));
    return jdbc.query(
        "select "
            + COLUMNS
            + " from special_person where grid_code in ("
            + String.join(", ", gridCodes.stream().map(g -> "?").toList())
            + ") and registered_on <= ? and (left_on is null or left_on >= ?)"
            + " order by grid_code, registered_on, id",
        SpecialPersonRepository::person,
        args.toArray());
  }

  /** Every person still on a register (the roster's export). */
  public List<SpecialPerson> current(LocalDate today) {
    return jdbc.query(
        "select "
            + COLUMNS
            + " from special_person where registered_on <= ? and (left_on is null or left_on >= ?)"
            + " order by grid_code, registered_on, id",
        SpecialPersonRepository::person,
        Date.valueOf(today),
        Date.valueOf(today));
  }

  private static SpecialPerson person(ResultSet rs, int row) throws SQLException {
    Date left = rs.getDate("left_on");
    return new SpecialPerson(
        rs.getLong("id"),
        rs.getString("grid_code"),
        rs.getString("name"),
        SpecialGroup.valueOf(rs.getString("special_group")),
        rs.getString("household"),
        rs.getDate("registered_on").toLocalDate(),
        rs.getString("registered_by"),
        left == null ? null : left.toLocalDate(),
        rs.getString("left_reason"),
        rs.getString("left_by"));
  }
}
