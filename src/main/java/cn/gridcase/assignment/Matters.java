package cn.gridcase.assignment;

import cn.gridcase.assignment.internal.AssignmentPeople;
import cn.gridcase.assignment.internal.MatterRepository;
import cn.gridcase.organisation.AccessScopes;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.InvalidRequest;
import cn.gridcase.platform.NotFound;
import cn.gridcase.platform.StateConflict;
import cn.gridcase.platform.TextRules;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The matter list of each township (事项清单, rule S4; S3 二(二)): the matters grid workers may be given,
 * those prohibited (禁入) and those withdrawn (退出). A matter is admitted, prohibited or withdrawn
 * only with a recorded approval, by the township's supervisors (政法委) or an administrator, and never
 * deleted: every change is a history entry. Everyone who works in the township reads its list.
 */
@Service
public class Matters {

  /** A matter's code: capital letters, digits and dashes, like unit codes. */
  static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,63}");

  /** The longest name of a matter or of an approving body. */
  public static final int NAME_MAX = 100;

  private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

  /** The longest document name or number. */
  public static final int DOCUMENT_MAX = 200;

  private final MatterRepository matters;
  private final AssignmentPeople people;
  private final AccessScopes accessScopes;
  private final Clock clock;

  Matters(
      MatterRepository matters, AssignmentPeople people, AccessScopes accessScopes, Clock clock) {
    this.matters = matters;
    this.people = people;
    this.accessScopes = accessScopes;
    this.clock = clock;
  }

  /**
   * The township's list with each matter's history. Without a township: the caller's own (the first
   * they are appointed in); administrators name one. 404 for a township the caller does not work
   * in.
   */
  @Transactional(readOnly = true)
  public List<Matter> list(String user, String townshipCode) {
    return matters.ofTownship(readableTownship(user, townshipCode));
  }

  /** The township whose list the user reads (see {@link #list}). */
  public String readableTownship(String user, String townshipCode) {
    boolean admin = accessScopes.of(user).admin();
    String township = blank(townshipCode) ? null : townshipCode.trim();
    if (township == null) {
      List<String> own = people.townshipsOf(user);
      if (!own.isEmpty()) {
        return own.get(0);
      }
      throw new InvalidRequest(
          "请指定乡镇",
          List.of(new ApiError("townshipCode", "S4.township", "请用 townshipCode 指定乡镇（街道）")));
    }
    if (!people.isTownship(township) || !admin && !people.townshipsOf(user).contains(township)) {
      throw new NotFound("没有乡镇 " + township + " 的事项清单");
    }
    return township;
  }

  /** One matter of a township's list (empty when the township has no such code). */
  public Optional<Matter> find(String townshipCode, String code) {
    return matters.find(townshipCode, code);
  }

  /** Whether the user may change the township's list: its supervisors and administrators. */
  public boolean mayChange(String user, String townshipCode) {
    return accessScopes.of(user).admin() || people.supervisedTownships(user).contains(townshipCode);
  }

  /**
   * 准入 ({@code LISTED}) or 禁入 ({@code PROHIBITED}) with the approval it rests on: a new matter, or
   * a known one changing status (a withdrawn matter admitted again, a listed one prohibited …);
   * each a new history entry. 409 when the matter already has that status.
   *
   * @return whether the matter was new
   */
  @Transactional
  public boolean record(String user, MatterRequest request) {
    String township = changeableTownship(user, request.townshipCode());
    List<ApiError> errors = new ArrayList<>();
    if (township == null) {
      errors.add(
          new ApiError(
              "townshipCode",
              "S4.township",
              "乡镇（街道）编码"
                  + (blank(request.townshipCode())
                      ? "缺失"
                      : " " + request.townshipCode() + " 不存在")));
    }
    String code = blank(request.code()) ? null : request.code().trim();
    if (code == null || !CODE.matcher(code).matches()) {
      errors.add(new ApiError("code", "S4.code", "事项编码须由大写字母、数字和连字符组成，如 RK-01"));
    }
    if (request.status() == null || request.status() == MatterStatus.WITHDRAWN) {
      errors.add(
          new ApiError(
              "status",
              "S4.status",
              request.status() == null
                  ? "请选择 LISTED（准入清单）或 PROHIBITED（禁入）"
                  : "退出清单请用 POST /api/matters/{code}/withdraw"));
    }
    Optional<MatterStatus> current =
        township == null || code == null ? Optional.empty() : matters.lock(township, code);
    String name = blank(request.name()) ? null : request.name().trim();
    if (name == null && current.isEmpty()) {
      errors.add(new ApiError("name", "S4.name", "请填写事项名称"));
    }
    if (name != null) {
      TextRules.check("name", name, NAME_MAX, false).ifPresent(errors::add);
    }
    errors.addAll(approvalProblems(request.approval()));
    if (!errors.isEmpty()) {
      throw new DomainRuleViolation("事项清单未变更", errors);
    }
    if (current.isPresent() && current.get() == request.status()) {
      throw new StateConflict(
          "事项 " + code + " 已经是「" + request.status().label() + "」，无需再次" + verb(request.status()));
    }
    if (name == null) {
      name = matters.find(township, code).orElseThrow().name();
    }
    matters.change(
        township,
        code,
        name,
        request.status(),
        request.status() == MatterStatus.LISTED ? MatterChange.ADMIT : MatterChange.PROHIBIT,
        request.approval(),
        user,
        GridCaseTime.now(clock));
    return current.isEmpty();
  }

  /** 退出: the matter leaves the list (a listed or a prohibited one), with its approval. */
  @Transactional
  public Matter withdraw(String user, String townshipCode, String code, Approval approval) {
    String township = changeableTownship(user, townshipCode);
    if (township == null) {
      throw new DomainRuleViolation(
          "事项清单未变更", List.of(new ApiError("townshipCode", "S4.township", "乡镇（街道）编码缺失或不存在")));
    }
    MatterStatus current =
        matters.lock(township, code).orElseThrow(() -> new NotFound("清单中没有事项 " + code));
    List<ApiError> errors = approvalProblems(approval);
    if (!errors.isEmpty()) {
      throw new DomainRuleViolation("事项清单未变更", errors);
    }
    if (current == MatterStatus.WITHDRAWN) {
      throw new StateConflict("事项 " + code + " 已退出清单，不能再次退出");
    }
    Matter matter = matters.find(township, code).orElseThrow();
    matters.change(
        township,
        code,
        matter.name(),
        MatterStatus.WITHDRAWN,
        MatterChange.WITHDRAW,
        approval,
        user,
        GridCaseTime.now(clock));
    return matter(township, code);
  }

  /** The matter with its history. */
  public Matter matter(String townshipCode, String code) {
    return matters.ofTownship(townshipCode).stream()
        .filter(m -> m.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new NotFound("清单中没有事项 " + code));
  }

  /**
   * The township named, for a user who may change its list; null when it is missing or unknown (a
   * problem of the request). 403 for anyone but its supervisors and administrators.
   */
  private String changeableTownship(String user, String townshipCode) {
    boolean admin = accessScopes.of(user).admin();
    List<String> supervised = people.supervisedTownships(user);
    if (!admin && supervised.isEmpty()) {
      throw new AccessDeniedException("事项清单由本乡镇的督办人员（政法委）或系统管理员维护");
    }
    String township = blank(townshipCode) ? null : townshipCode.trim();
    if (township == null || !people.isTownship(township)) {
      return null;
    }
    if (!admin && !supervised.contains(township)) {
      throw new AccessDeniedException("只能维护本乡镇的事项清单");
    }
    return township;
  }

  private List<ApiError> approvalProblems(Approval approval) {
    List<ApiError> errors = new ArrayList<>();
    if (approval == null) {
      errors.add(
          new ApiError(
              "approval",
              "S4.approval",
              "请填写审批依据：审批单位（approvedBy）、文件或文号（document）、审批日期（approvedOn）"));
      return errors;
    }
    if (blank(approval.approvedBy())) {
      errors.add(new ApiError("approval.approvedBy", "S4.approval", "请填写审批单位，如 县委政法委"));
    } else {
      TextRules.check("approval.approvedBy", approval.approvedBy().trim(), NAME_MAX, false)
          .ifPresent(errors::add);
    }
    if (blank(approval.document())) {
      errors.add(new ApiError("approval.document", "S4.approval", "请填写审批文件或文号"));
    } else {
      TextRules.check("approval.document", approval.document().trim(), DOCUMENT_MAX, false)
          .ifPresent(errors::add);
    }
    LocalDate today = GridCaseTime.now(clock).toLocalDate();
    if (approval.approvedOn() == null) {
      errors.add(new ApiError("approval.approvedOn", "S4.approval", "请填写审批日期（yyyy-MM-dd）"));
    } else if (approval.approvedOn().isBefore(EARLIEST)) {
      errors.add(
          new ApiError(
              "approval.approvedOn",
              "S4.approval",
              "审批日期 " + approval.approvedOn() + " 早于 2000 年"));
    } else if (approval.approvedOn().isAfter(today)) {
      errors.add(
          new ApiError(
              "approval.approvedOn", "S4.approval", "审批日期 " + approval.approvedOn() + " 晚于今天"));
    }
    return errors;
  }

  private static String verb(MatterStatus status) {
    return status == MatterStatus.LISTED ? "准入" : "禁入";
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
