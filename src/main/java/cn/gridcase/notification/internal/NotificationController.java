package cn.gridcase.notification.internal;

import cn.gridcase.notification.InboxEntry;
import cn.gridcase.notification.Notifications;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notifications")
@Tag(name = "Notifications", description = "the caller's in-app inbox")
class NotificationController {

  private final Notifications notifications;

  NotificationController(Notifications notifications) {
    this.notifications = notifications;
  }

  @GetMapping
  @Operation(summary = "The caller's notices, newest first")
  Map<String, Object> inbox(
      Principal user,
      @RequestParam(defaultValue = "false") boolean unread,
      @RequestParam(defaultValue = "50") int limit) {
    List<InboxEntry> items =
        notifications.inbox(user.getName(), unread, Math.max(1, Math.min(limit, 500)));
    return Map.of("items", items, "unread", notifications.unreadCount(user.getName()));
  }

  @PostMapping("/{id}/read")
  @Operation(summary = "Marks one notice read")
  ResponseEntity<Void> markRead(Principal user, @PathVariable long id) {
    notifications.markRead(user.getName(), id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/read-all")
  @Operation(summary = "Marks every notice of the caller read")
  Map<String, Object> markAllRead(Principal user) {
    return Map.of("marked", notifications.markAllRead(user.getName()));
  }
}
