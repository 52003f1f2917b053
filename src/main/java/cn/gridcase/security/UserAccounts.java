package cn.gridcase.security;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/**
 * The login accounts of GridCase. They live in Camunda's identity store (ACT_ID_USER, passwords
 * hashed with a per-user salt by the engine), so the webapps, the REST API and the engine's
 * authorization checks all see the same users and groups.
 */
@Service
public class UserAccounts {

  private final IdentityService identityService;

  public UserAccounts(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** A user account's public data. */
  public record Account(String username, String firstName, String lastName, String email) {
    public String displayName() {
      return ((lastName == null ? "" : lastName) + (firstName == null ? "" : firstName)).trim();
    }
  }

  /**
   * Creates the account unless it exists, and makes it a member of {@link SystemGroups#USERS}.
   *
   * @return true when it was created
   */
  public boolean createIfAbsent(
      String username, String firstName, String lastName, String email, String password) {
    if (find(username).isPresent()) {
      return false;
    }
    User user = identityService.newUser(username);
    user.setFirstName(firstName);
    user.setLastName(lastName);
    user.setEmail(email);
    user.setPassword(password);
    identityService.saveUser(user);
    addToGroup(username, SystemGroups.USERS);
    return true;
  }

  public Optional<Account> find(String username) {
    User user = identityService.createUserQuery().userId(username).singleResult();
    return Optional.ofNullable(user)
        .map(u -> new Account(u.getId(), u.getFirstName(), u.getLastName(), u.getEmail()));
  }

  /**
   * The name people read for an account (family name first), or the account itself when it has
   * none.
   */
  public String nameOf(String username) {
    return find(username)
        .map(Account::displayName)
        .filter(name -> !name.isBlank())
        .orElse(username);
  }

  /** Ids of every group the user belongs to. */
  public List<String> groupsOf(String username) {
    return identityService.createGroupQuery().groupMember(username).list().stream()
        .map(Group::getId)
        .toList();
  }

  public void addToGroup(String username, String groupId) {
    if (identityService.createGroupQuery().groupId(groupId).groupMember(username).count() == 0) {
      identityService.createMembership(username, groupId);
    }
  }
}
