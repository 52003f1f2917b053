package cn.gridcase.calendar.internal;

import cn.gridcase.calendar.HolidaySchedule;
import java.sql.Date;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Holiday schedules and the calendar version in the project's tables (Flyway V2). */
@Repository
public class CalendarRepository {

  private final JdbcTemplate jdbc;

  CalendarRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public long version() {
    return jdbc.queryForObject("select version from calendar_state where id = 1", Long.class);
  }

  public List<HolidaySchedule> loadAll() {
    Map<Integer, List<HolidaySchedule.Day>> days = new LinkedHashMap<>();
    jdbc.queryForList(
            "select schedule_year from holiday_year order by schedule_year", Integer.class)
        .forEach(year -> days.put(year, new ArrayList<>()));
    jdbc.query(
        "select holiday_date, schedule_year, name, off_day from holiday_day order by holiday_date",
        rs -> {
          days.get(rs.getInt("schedule_year"))
              .add(
                  new HolidaySchedule.Day(
                      rs.getDate("holiday_date").toLocalDate(),
                      rs.getString("name"),
                      rs.getBoolean("off_day")));
        });
    List<HolidaySchedule> schedules = new ArrayList<>();
    days.forEach((year, list) -> schedules.add(new HolidaySchedule(year, List.copyOf(list))));
    return schedules;
  }

  /** Replaces the schedule of one year and bumps the calendar version; returns the new version. */
  long replace(HolidaySchedule schedule, String source, String loadedBy, OffsetDateTime now) {
    jdbc.update("delete from holiday_day where schedule_year = ?", schedule.year());
    int updated =
        jdbc.update(
            "update holiday_year set source = ?, loaded_at = ?, loaded_by = ? where schedule_year ="
                + " ?",
            source,
            now,
            loadedBy,
            schedule.year());
    if (updated == 0) {
      jdbc.update(
          "insert into holiday_year (schedule_year, source, loaded_at, loaded_by) values (?, ?, ?,"
              + " ?)",
          schedule.year(),
          source,
          now,
          loadedBy);
    }
    jdbc.batchUpdate(
        "insert into holiday_day (holiday_date, schedule_year, name, off_day) values (?, ?, ?, ?)",
        schedule.days(),
        500,
        (statement, day) -> {
          statement.setDate(1, Date.valueOf(day.date()));
          statement.setInt(2, schedule.year());
          statement.setString(3, day.name());
          statement.setBoolean(4, day.offDay());
        });
    jdbc.update("update calendar_state set version = version + 1 where id = 1");
    return version();
  }
}
