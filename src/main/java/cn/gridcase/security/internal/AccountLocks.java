package cn.gridcase.security.internal;

import cn.gridcase.platform.GridCaseTime;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Service;

/**
 * The lock-out of login accounts after repeated wrong passwords (see {@link
 * LockoutIdentityProvider}): who is locked until when, and the administrator's unlock.
 */
@Service
class AccountLocks {

  /** An account's lock-out: {@code lockedUntil} is null when it is not locked out. */
  record LockState(
      String username, boolean locked, OffsetDateTime lockedUntil, int failedAttempts) {}

  private final IdentityService identityService;
  private final ProcessEngineConfigurationImpl engineConfiguration;
  private final Clock clock;

  AccountLocks(IdentityService identityService, ProcessEngine processEngine, Clock clock) {
    this.identityService = identityService;
    this.engineConfiguration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    this.clock = clock;
  }

  /** The account's lock-out, or empty when there is no such account. */
  Optional<LockState> state(String username) {
    User user = identityService.createUserQuery().userId(username).singleResult();
    if (!(user instanceof UserEntity entity)) {
      return Optional.empty();
    }
    Date until =
        LockoutIdentityProvider.lockedOutUntil(
            entity, engineConfiguration.getLoginMaxAttempts(), Date.from(clock.instant()));
    // a whole second, rounded up: "try again after" must not name a moment that is still locked
    OffsetDateTime lockedUntil =
        until == null
            ? null
            : GridCaseTime.at(until).plus(999, ChronoUnit.MILLIS).truncatedTo(ChronoUnit.SECONDS);
    return Optional.of(
        new LockState(entity.getId(), lockedUntil != null, lockedUntil, entity.getAttempts()));
  }

  /** When the account's lock-out ends, if it is locked out now. */
  Optional<OffsetDateTime> lockedUntil(String username) {
    return state(username).map(LockState::lockedUntil);
  }

  /**
   * Ends the lock-out and the back-off and starts the count of failures afresh, as the Admin
   * webapp's unlock does (the same engine call).
   *
   * @return false when there is no such account
   */
  boolean unlock(String username) {
    if (identityService.createUserQuery().userId(username).count() == 0) {
      return false;
    }
    identityService.unlockUser(username);
    return true;
  }
}
