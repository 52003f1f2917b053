package cn.gridcase.notification.internal;

import cn.gridcase.notification.Notice;
import java.util.Collection;

/**
 * A way of reaching people besides the in-app inbox: SMS, a messaging app, e-mail. Every Spring
 * bean implementing this interface receives every notice after the transaction that raised it has
 * committed (so nobody is told of something that was rolled back). See docs/notifications.md.
 */
public interface NotificationChannel {

  /** Delivers the notice to the users named; must not throw for one unreachable recipient. */
  void deliver(Notice notice, Collection<String> recipients);
}
