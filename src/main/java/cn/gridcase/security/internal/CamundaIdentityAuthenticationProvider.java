package cn.gridcase.security.internal;

import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.security.SystemGroups;
import cn.gridcase.security.UserAccounts;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks a username and password against Camunda's identity store (salted hashes, with the engine's
 * lock-out after repeated failures) and grants one authority per Camunda group, plus {@code
 * ROLE_ADMIN} for members of {@link SystemGroups#ADMINS} and {@code ROLE_USER} for everyone.
 *
 * <p>API clients send HTTP Basic credentials with every request; a successful login is therefore
 * remembered for {@link #REMEMBERED_FOR} under a keyed hash of name and password (never the
 * password itself), so that a burst of requests costs one password check and one group query. A
 * changed password, group membership or lock-out takes effect within that time; failed logins are
 * never remembered, so the engine's lock-out keeps counting them.
 *
 * <p>A refused login is a {@link BadCredentialsException} whether the user exists or not, except
 * while the account is locked out: then it is an {@link AccountLockedException} that says until
 * when (see {@link LockoutIdentityProvider}).
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  /** How long a successful login is reused for the same name and password. */
  static final Duration REMEMBERED_FOR = Duration.ofSeconds(30);

  /**
   * The message of every other refusal (the login form shows it): the same for an unknown user, a
   * wrong password and a login during the back-off delay after a failure.
   */
  static final String WRONG_CREDENTIALS =
      "用户名或密码错误；输错后请稍候片刻再试。 The username or password is wrong; after a failed login wait a moment"
          + " before trying again.";

  private final IdentityService identityService;
  private final UserAccounts accounts;
  private final AccountLocks locks;
  private final Clock clock;

  /**
   * Key of the login hashes, new on every start: the remembered logins mean nothing outside this
   * process.
   */
  private final SecretKeySpec loginKey;

  private final Cache<String, List<GrantedAuthority>> rememberedLogins =
      Caffeine.newBuilder().expireAfterWrite(REMEMBERED_FOR).maximumSize(10_000).build();

  CamundaIdentityAuthenticationProvider(
      IdentityService identityService, UserAccounts accounts, AccountLocks locks, Clock clock) {
    this.identityService = identityService;
    this.accounts = accounts;
    this.locks = locks;
    this.clock = clock;
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    this.loginKey = new SecretKeySpec(key, "HmacSHA256");
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String username = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (username == null || username.isBlank() || credentials == null) {
      throw new BadCredentialsException(WRONG_CREDENTIALS);
    }
    String login = loginHash(username, credentials.toString());
    List<GrantedAuthority> remembered = rememberedLogins.getIfPresent(login);
    if (remembered != null) {
      return UsernamePasswordAuthenticationToken.authenticated(username, null, remembered);
    }
    String address =
        authentication.getDetails() instanceof WebAuthenticationDetails details
            ? details.getRemoteAddress()
            : null;
    boolean valid =
        LockoutIdentityProvider.checkingLoginFrom(
            address, () -> identityService.checkPassword(username, credentials.toString()));
    if (!valid) {
      // asked only after a refusal: a login that succeeds costs no extra query
      locks
          .lockedUntil(username)
          .ifPresent(
              until -> {
                throw new AccountLockedException(until, GridCaseTime.now(clock));
              });
      throw new BadCredentialsException(WRONG_CREDENTIALS);
    }
    List<GrantedAuthority> authorities = authoritiesOf(username);
    rememberedLogins.put(login, authorities);
    return UsernamePasswordAuthenticationToken.authenticated(username, null, authorities);
  }

  private List<GrantedAuthority> authoritiesOf(String username) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
    for (String group : accounts.groupsOf(username)) {
      authorities.add(new SimpleGrantedAuthority(SystemGroups.GROUP_AUTHORITY_PREFIX + group));
      if (SystemGroups.ADMINS.equals(group)) {
        authorities.add(new SimpleGrantedAuthority("ROLE_" + SystemGroups.ADMIN_ROLE));
      }
    }
    return List.copyOf(authorities);
  }

  private String loginHash(String username, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(loginKey);
      byte[] name = username.getBytes(StandardCharsets.UTF_8);
      // the name's length first, so that no other name and password give the same input
      mac.update(ByteBuffer.allocate(4).putInt(name.length).array());
      mac.update(name);
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
