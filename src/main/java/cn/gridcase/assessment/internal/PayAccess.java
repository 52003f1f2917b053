package cn.gridcase.assessment.internal;

import cn.gridcase.assessment.AssessmentQuarters;
import cn.gridcase.assessment.TownshipPaySettings;
import cn.gridcase.organisation.AccessScope;
import cn.gridcase.organisation.AccessScopes;
import cn.gridcase.organisation.Appointment;
import cn.gridcase.organisation.AppointmentRole;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.Unit;
import cn.gridcase.organisation.UnitKind;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.InvalidRequest;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may read whose pay (A1): a grid worker their own; township staff and supervisors of the
 * township (appointments in the township itself) every grid worker's of it; administrators all.
 * Anyone else: 403 without saying whether the user exists. Also the parsing of months and quarters
 * (400 naming the parameter).
 */
@Component
public class PayAccess {

  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

  private final AccessScopes scopes;
  private final Organisation organisation;
  private final TownshipPaySettings settings;
  private final AssessmentQuarters quarters;

  PayAccess(
      AccessScopes scopes,
      Organisation organisation,
      TownshipPaySettings settings,
      AssessmentQuarters quarters) {
    this.scopes = scopes;
    this.organisation = organisation;
    this.settings = settings;
    this.quarters = quarters;
  }

  /**
   * 403 unless the caller may read the grid worker's statement of the month: their own, an
   * administrator, or the staff and supervisors of a township the worker served in during that
   * month (a worker who moved townships is not read by the other township for the months before or
   * after). For a month the worker served nowhere, the townships they ever served in may ask (and
   * learn that there is no statement).
   */
  public void requireStatementReader(String caller, String username, YearMonth month) {
    if (caller.equals(username)) {
      return;
    }
    AccessScope scope = scopes.of(caller);
    if (scope.admin()) {
      return;
    }
    LocalDate first = month.atDay(1);
    LocalDate last = month.atEndOfMonth();
    List<Appointment> served =
        organisation.appointmentsOf(username).stream()
            .filter(a -> a.role() == AppointmentRole.GRID_WORKER)
            .toList();
    List<Appointment> inMonth =
        served.stream()
            .filter(a -> !a.startsOn().isAfter(last))
            .filter(a -> a.endsOn() == null || !a.endsOn().isBefore(first))
            .toList();
    Set<String> townships =
        (inMonth.isEmpty() ? served : inMonth)
            .stream()
                .map(Appointment::unitCode)
                .map(this::townshipOfGrid)
                .collect(Collectors.toSet());
    if (townships.stream().noneMatch(scope.townships()::contains)) {
      throw new AccessDeniedException(username + " 的报酬不在您的查看范围内");
    }
  }

  /** 404 for an unknown township, 403 unless the caller works in it (or is an administrator). */
  public void requireTownshipReader(String caller, String townshipCode) {
    settings.requireTownship(townshipCode);
    AccessScope scope = scopes.of(caller);
    if (!scope.admin() && !scope.townships().contains(townshipCode)) {
      throw new AccessDeniedException("只有本乡镇的工作人员和督办人员查看 " + townshipCode + " 的报酬表");
    }
  }

  /**
   * Whether the caller changes the township's pay settings (A1: the officials read and change
   * them): an administrator, or the township center's staff — the township's assessment group.
   */
  public boolean changesSettings(String caller, String townshipCode) {
    return quarters.inAssessmentGroup(caller, townshipCode);
  }

  /** 403 unless {@link #changesSettings}. */
  public void requireSettingsChanger(String caller, String townshipCode) {
    if (!changesSettings(caller, townshipCode)) {
      throw new AccessDeniedException("只有乡镇综治中心（考核小组）和系统管理员修改 " + townshipCode + " 的报酬设置");
    }
  }

  /** The townships whose sheets the caller reads (for the pages' defaults). */
  public List<String> townshipsOf(String caller) {
    AccessScope scope = scopes.of(caller);
    if (scope.admin()) {
      return organisation.units(UnitKind.TOWNSHIP).stream().map(Unit::code).sorted().toList();
    }
    return scope.townships().stream().sorted().toList();
  }

  /** "yyyy-MM", or 400 naming {@code field}. */
  public static YearMonth month(String field, String value) {
    Matcher m = value == null ? null : MONTH.matcher(value.trim());
    if (m != null && m.matches()) {
      try {
        return YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      } catch (DateTimeException e) {
        // below
      }
    }
    throw new InvalidRequest(
        "月份无效", List.of(new ApiError(field, "format", "月份格式为 年-月，例如 2026-10（收到 " + value + "）")));
  }

  /** "yyyy-Qn" as {year, n}, or 400 naming {@code field}. */
  public static int[] quarter(String field, String value) {
    Matcher m = value == null ? null : QUARTER.matcher(value.trim());
    if (m == null || !m.matches()) {
      throw new InvalidRequest(
          "季度无效",
          List.of(new ApiError(field, "format", "季度格式为 年-Q季度，例如 2026-Q4（收到 " + value + "）")));
    }
    return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
  }

  /** 400 naming every missing or conflicting parameter of the sheet request. */
  public static void checkSheetParameters(String townshipCode, String month, String quarter) {
    List<ApiError> errors = new ArrayList<>();
    if (townshipCode == null || townshipCode.isBlank()) {
      errors.add(new ApiError("townshipCode", "required", "请指定乡镇（townshipCode）"));
    }
    boolean noMonth = month == null || month.isBlank();
    boolean noQuarter = quarter == null || quarter.isBlank();
    if (noMonth && noQuarter) {
      errors.add(new ApiError("month", "required", "请指定月份（month=2026-10）或季度（quarter=2026-Q4）"));
    } else if (!noMonth && !noQuarter) {
      errors.add(new ApiError("quarter", "conflict", "月份和季度只能指定其一"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequest("报酬表的参数有误", errors);
    }
  }

  private String townshipOfGrid(String gridCode) {
    return organisation
        .grid(gridCode)
        .flatMap(g -> organisation.unit(g.villageCode()))
        .map(Unit::parentCode)
        .orElse("");
  }
}
