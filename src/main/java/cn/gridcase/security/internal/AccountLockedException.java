package cn.gridcase.security.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.security.authentication.LockedException;

/**
 * A login refused because the account is locked out. Its message (shown by the login form, and the
 * detail of the API's 401) says in Chinese and English when to try again.
 */
class AccountLockedException extends LockedException {

  private final OffsetDateTime lockedUntil;
  private final long retryAfterSeconds;

  AccountLockedException(OffsetDateTime lockedUntil, OffsetDateTime now) {
    super(message(lockedUntil));
    this.lockedUntil = lockedUntil;
    this.retryAfterSeconds = Math.max(1, Duration.between(now, lockedUntil).toSeconds());
  }

  static String message(OffsetDateTime lockedUntil) {
    String at = lockedUntil.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    return "密码连续输错次数过多，账户已暂时锁定，请于 "
        + at
        + "（北京时间）之后再试，或请管理员解锁。"
        + " Too many failed logins: the account is locked until "
        + at
        + " (Asia/Shanghai); try again after that time or ask an administrator to unlock it.";
  }

  /** The end of the lock, in Asia/Shanghai. */
  OffsetDateTime lockedUntil() {
    return lockedUntil;
  }

  /** Whole seconds from the refusal to the end of the lock, at least 1 (the Retry-After header). */
  long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
