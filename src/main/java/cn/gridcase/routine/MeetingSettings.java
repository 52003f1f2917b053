package cn.gridcase.routine;

import cn.gridcase.organisation.Organisation;
import cn.gridcase.organisation.UnitKind;
import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.DomainRuleViolation;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.NotFound;
import cn.gridcase.routine.internal.MeetingRepository;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which meeting obligations a township holds (a township setting; default: all five — S3's three
 * levels, S2's weekly grid-worker meeting and S1 五(四)'s monthly one). A change applies to the
 * periods that open after it: obligations already open stay, and can be recorded.
 */
@Service
public class MeetingSettings {

  private final MeetingRepository repository;
  private final Organisation organisation;
  private final Clock clock;

  MeetingSettings(MeetingRepository repository, Organisation organisation, Clock clock) {
    this.repository = repository;
    this.organisation = organisation;
    this.clock = clock;
  }

  /** One obligation kind and whether the township holds it. */
  public record Option(
      MeetingKind kind,
      String label,
      String rule,
      MeetingCadence cadence,
      String cadenceLabel,
      boolean enabled) {}

  /**
   * A township's setting: the kinds it holds, every obligation kind with its flag, and who changed
   * it last, when (null while it has its default).
   */
  public record View(
      String townshipCode,
      List<MeetingKind> kinds,
      List<Option> options,
      String updatedBy,
      OffsetDateTime updatedAt) {}

  /** The setting of a township (404 for a code that is not a township). */
  public View of(String townshipCode) {
    requireTownship(townshipCode);
    Map<MeetingKind, Boolean> set = repository.settings(townshipCode);
    List<MeetingKind> kinds = new ArrayList<>();
    List<Option> options = new ArrayList<>();
    for (MeetingKind kind : MeetingKind.obligations()) {
      boolean on = set.getOrDefault(kind, true);
      if (on) {
        kinds.add(kind);
      }
      options.add(
          new Option(kind, kind.label(), kind.rule(), kind.cadence(), kind.cadence().label(), on));
    }
    var changed = repository.settingChanged(townshipCode);
    return new View(
        townshipCode,
        List.copyOf(kinds),
        List.copyOf(options),
        changed.map(Map.Entry::getKey).orElse(null),
        changed.map(Map.Entry::getValue).orElse(null));
  }

  /** Whether the township holds the obligation kind (a kind without a row: yes). */
  public boolean holds(String townshipCode, MeetingKind kind) {
    return repository.settings(townshipCode).getOrDefault(kind, true);
  }

  /**
   * Sets the kinds the township holds (the others are off): 422 ({@code S3.kinds}) for a missing
   * list, a training (not an obligation) or a blank entry.
   */
  @Transactional
  public View set(String townshipCode, List<MeetingKind> kinds, String changedBy) {
    requireTownship(townshipCode);
    List<ApiError> errors = new ArrayList<>();
    if (kinds == null) {
      errors.add(new ApiError("kinds", "S3.kinds", "请列出本乡镇召开的例会类型（可为空列表：全部不开）"));
    } else {
      for (int i = 0; i < kinds.size(); i++) {
        MeetingKind kind = kinds.get(i);
        if (kind == null || !kind.isObligation()) {
          errors.add(
              new ApiError(
                  "kinds[" + i + "]",
                  "S3.kinds",
                  kind == null ? "例会类型为空" : kind.label() + "不是按期召开的例会，不能设置"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new DomainRuleViolation("例会设置有误", errors);
    }
    Set<MeetingKind> on =
        kinds.isEmpty() ? EnumSet.noneOf(MeetingKind.class) : EnumSet.copyOf(kinds);
    repository.saveSettings(townshipCode, on, changedBy, GridCaseTime.now(clock));
    return of(townshipCode);
  }

  private void requireTownship(String townshipCode) {
    if (organisation.unit(townshipCode).filter(u -> u.kind() == UnitKind.TOWNSHIP).isEmpty()) {
      throw new NotFound("没有乡镇 " + townshipCode);
    }
  }
}
