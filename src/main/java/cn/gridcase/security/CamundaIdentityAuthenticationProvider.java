package cn.gridcase.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks a username and password against Camunda's identity store (salted hashes, with the
 * engine's lock-out after repeated failures) and grants one authority per Camunda group, plus
 * {@code ROLE_ADMIN} for members of {@link SystemGroups#ADMINS} and {@code ROLE_USER} for everyone.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;
  private final UserAccounts accounts;

  CamundaIdentityAuthenticationProvider(IdentityService identityService, UserAccounts accounts) {
    this.identityService = identityService;
    this.accounts = accounts;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String username = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (username == null || username.isBlank() || credentials == null) {
      throw new BadCredentialsException("Bad credentials");
    }
    boolean valid = identityService.checkPassword(username, credentials.toString());
    if (!valid) {
      throw new BadCredentialsException("Bad credentials");
    }
    List<GrantedAuthority> authorities = new ArrayList<>();
    authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
    for (String group : accounts.groupsOf(username)) {
      authorities.add(new SimpleGrantedAuthority(SystemGroups.GROUP_AUTHORITY_PREFIX + group));
      if (SystemGroups.ADMINS.equals(group)) {
        authorities.add(new SimpleGrantedAuthority("ROLE_" + SystemGroups.ADMIN_ROLE));
      }
    }
    return UsernamePasswordAuthenticationToken.authenticated(username, null, authorities);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
