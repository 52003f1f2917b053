package cn.gridcase.security.internal;

import cn.gridcase.platform.EngineTables;
import cn.gridcase.platform.GridCaseTime;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Date;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Camunda's own identity store with a temporary lock-out instead of a permanent one.
 *
 * <p>The engine delays the next login after each failure (3 s, doubling, at most {@code
 * login-delay-max-time}) and, after {@code login-max-attempts} failures in a row, would lock the
 * account for ever. Here the last step sets the lock's expiry to now + the lock-out duration
 * instead; the lock is the same two columns of {@code ACT_ID_USER} ({@code ATTEMPTS_}, {@code
 * LOCK_EXP_TIME_}), so it survives a restart, every node of a cluster sees it, and the engine's
 * unlock (Admin webapp, {@code POST /user/{id}/unlock}) clears it. The count of failures is kept
 * after a lock expires: the next wrong password locks again at once, only a right one (or an
 * administrator) starts the count afresh, so a guesser gets one try per lock-out period.
 *
 * <p>Every path that checks a password goes through here (form login, HTTP Basic, the engine's
 * {@code identity/verify}, the webapps' own login), so none of them can be used to guess past the
 * lock; checks of one account are serialised by a row lock, so parallel guesses count one by one.
 */
class LockoutIdentityProvider extends DbIdentityServiceProvider {

  private static final Logger log = LoggerFactory.getLogger(LockoutIdentityProvider.class);

  /**
   * The address of the login being checked on this thread: Spring Security's filters run before
   * Spring's request context is set up, so the engine cannot find the request itself there.
   */
  private static final ThreadLocal<String> SOURCE_ADDRESS = new ThreadLocal<>();

  private final Duration lockoutDuration;

  /**
   * Runs a password check whose failure, should it lock the account, is logged with {@code
   * address}.
   */
  static <T> T checkingLoginFrom(String address, Supplier<T> check) {
    SOURCE_ADDRESS.set(address);
    try {
      return check.get();
    } finally {
      SOURCE_ADDRESS.remove();
    }
  }

  LockoutIdentityProvider(Duration lockoutDuration) {
    this.lockoutDuration = lockoutDuration;
  }

  /** The engine's factory for this provider (it opens one per command). */
  static SessionFactory factory(Duration lockoutDuration) {
    return new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return LockoutIdentityProvider.class;
      }

      @Override
      public Session openSession() {
        return new LockoutIdentityProvider(lockoutDuration);
      }
    };
  }

  /**
   * The end of the lock-out of {@code user}, or null when it is not locked out (a running back-off
   * delay after fewer failures is not a lock-out: it must not tell a guesser that the user exists).
   */
  static Date lockedOutUntil(UserEntity user, int maxAttempts, Date now) {
    Date expiry = user.getLockExpirationTime();
    return user.getAttempts() >= maxAttempts && expiry != null && expiry.after(now) ? expiry : null;
  }

  /**
   * One check at a time per account, on every node: the row of {@code ACT_ID_USER} is locked for
   * the command before the engine reads the user's failures. Without it, parallel wrong passwords
   * all read the same count and the engine's optimistic update counts only one of them — a burst of
   * guesses past the back-off and the lock-out.
   */
  @Override
  public boolean checkPassword(String userId, String password) {
    if (userId != null && password != null) {
      lockAccountRow(userId);
    }
    return super.checkPassword(userId, password);
  }

  private static void lockAccountRow(String userId) {
    Connection connection =
        Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
    String table = EngineTables.USER;
    try (PreparedStatement lock =
        connection.prepareStatement("select ID_ from " + table + " where ID_ = ? for update")) {
      lock.setString(1, userId);
      lock.executeQuery().close();
    } catch (SQLException e) {
      throw new ProcessEngineException("could not lock the account row of the login check", e);
    }
  }

  /**
   * Every user the engine saves keeps a Chinese name whole, family name first ({@link
   * ChineseNames}).
   */
  @Override
  public IdentityOperationResult saveUser(User user) {
    ChineseNames.joinFamilyFirst(user);
    return super.saveUser(user);
  }

  @Override
  protected boolean isUserLocked(UserEntity user) {
    // the engine also counts attempts >= max as locked, for ever; here only the expiry counts
    Date expiry = user.getLockExpirationTime();
    return expiry != null && expiry.after(ClockUtil.getCurrentTime());
  }

  @Override
  protected void lockUser(UserEntity user) {
    ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
    int attempts = user.getAttempts() + 1;
    if (attempts < configuration.getLoginMaxAttempts()) {
      super.lockUser(user); // the growing back-off delay
      return;
    }
    Date until = new Date(ClockUtil.getCurrentTime().getTime() + lockoutDuration.toMillis());
    getIdentityInfoManager().updateUserLock(user, attempts, until);
    log.warn(
        "Login locked: account {} locked until {} after {} failed logins in a row; last attempt"
            + " from {}",
        user.getId(),
        GridCaseTime.at(until),
        attempts,
        sourceAddress());
  }

  /**
   * The address the failed login came from: the connection's remote address. X-Forwarded-For is not
   * read here: anyone can send it. Behind a reverse proxy, {@code server.forward-headers-strategy:
   * native} makes Tomcat replace the remote address from the header, for trusted proxies only.
   */
  private static String sourceAddress() {
    String address = SOURCE_ADDRESS.get();
    if (address != null) {
      return address;
    }
    // a check from inside a request (the engine's identity/verify)
    if (RequestContextHolder.getRequestAttributes()
        instanceof ServletRequestAttributes attributes) {
      HttpServletRequest request = attributes.getRequest();
      return request.getRemoteAddr();
    }
    return "(no HTTP request)";
  }
}
