package cn.gridcase.event.internal;

import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.UnitKind;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.platform.NotFound;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The per-township time limits of event handling (E4, E6), stored in {@code event_time_limit}; a
 * township without a row for a stage uses {@link TimeLimits#DEFAULTS}. A change applies to the
 * steps that open after it; deadlines already set stay as they were set.
 */
@Service
public class EventTimeLimits {

  static final int MAX_WORKING_DAYS = 30;

  private final JdbcTemplate jdbc;
  private final Organisation organisation;

  EventTimeLimits(JdbcTemplate jdbc, Organisation organisation) {
    this.jdbc = jdbc;
    this.organisation = organisation;
  }

  public TimeLimits of(String townshipCode) {
    Map<String, Integer> rows = new HashMap<>();
    jdbc.query(
        "select stage, working_days from event_time_limit where township_code = ?",
        rs -> {
          rows.put(rs.getString(1), rs.getInt(2));
        },
        townshipCode);
    TimeLimits d = TimeLimits.DEFAULTS;
    return new TimeLimits(
        rows.getOrDefault("ACCEPTANCE", d.acceptance()),
        rows.getOrDefault("GRID", d.grid()),
        rows.getOrDefault("VILLAGE", d.village()),
        rows.getOrDefault("TOWNSHIP", d.township()),
        rows.getOrDefault("DEPARTMENT", d.department()));
  }

  /** The limits of a township that must exist (404 otherwise). */
  public TimeLimits ofTownship(String townshipCode) {
    requireTownship(townshipCode);
    return of(townshipCode);
  }

  private void requireTownship(String townshipCode) {
    if (organisation.unit(townshipCode).filter(u -> u.kind() == UnitKind.TOWNSHIP).isEmpty()) {
      throw new NotFound("No township " + townshipCode);
    }
  }

  @Transactional
  public TimeLimits set(String townshipCode, TimeLimits limits) {
    requireTownship(townshipCode);
    Map<String, Integer> stages =
        Map.of(
            "ACCEPTANCE",
            limits.acceptance(),
            "GRID",
            limits.grid(),
            "VILLAGE",
            limits.village(),
            "TOWNSHIP",
            limits.township(),
            "DEPARTMENT",
            limits.department());
    List<ApiError> errors = new ArrayList<>();
    stages.forEach(
        (stage, days) -> {
          if (days < 1 || days > MAX_WORKING_DAYS) {
            errors.add(
                new ApiError(
                    field(stage),
                    "E4.limit",
                    "a time limit is 1 to " + MAX_WORKING_DAYS + " working days, not " + days));
          }
        });
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparing(ApiError::field));
      throw new DomainRuleViolation("Invalid time limits", errors);
    }
    jdbc.update("delete from event_time_limit where township_code = ?", townshipCode);
    stages.forEach(
        (stage, days) ->
            jdbc.update(
                "insert into event_time_limit (township_code, stage, working_days) values (?, ?,"
                    + " ?)",
                townshipCode,
                stage,
                days));
    return of(townshipCode);
  }

  private static String field(String stage) {
    return stage.toLowerCase();
  }
}
