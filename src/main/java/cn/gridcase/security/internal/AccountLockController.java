package cn.gridcase.security.internal;

import cn.gridcase.platform.NotFound;
import cn.gridcase.security.SystemGroups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The lock-out of an account after repeated wrong passwords, for administrators: see it, end it.
 * The Admin webapp's "unlock" does the same through the engine's REST API.
 */
@RestController
@RequestMapping("/api/admin/users/{username}")
@PreAuthorize("hasRole('" + SystemGroups.ADMIN_ROLE + "')")
@Tag(
    name = "Account locks",
    description = "Accounts locked after repeated wrong passwords (administrators)")
class AccountLockController {

  private static final Logger log = LoggerFactory.getLogger(AccountLockController.class);

  private final AccountLocks locks;

  AccountLockController(AccountLocks locks) {
    this.locks = locks;
  }

  @GetMapping("/lock")
  @Operation(
      summary = "Whether the account is locked out, until when, and the failed logins in a row",
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "The account's lock-out (lockedUntil null when not locked)"),
        @ApiResponse(responseCode = "404", description = "No such account")
      })
  AccountLocks.LockState lock(
      @Parameter(description = "Login name, e.g. worker1") @PathVariable String username) {
    return locks.state(username).orElseThrow(() -> noSuchAccount(username));
  }

  @PostMapping("/unlock")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      summary = "End the account's lock-out at once and start the count of failed logins afresh",
      responses = {
        @ApiResponse(responseCode = "204", description = "Unlocked (also when it was not locked)"),
        @ApiResponse(responseCode = "404", description = "No such account")
      })
  void unlock(
      @Parameter(description = "Login name, e.g. worker1") @PathVariable String username,
      Authentication authentication) {
    if (!locks.unlock(username)) {
      throw noSuchAccount(username);
    }
    log.info("Login lock of account {} ended by {}", username, authentication.getName());
  }

  private static NotFound noSuchAccount(String username) {
    return new NotFound("没有账户 " + username + "。 No account " + username + ".");
  }
}
