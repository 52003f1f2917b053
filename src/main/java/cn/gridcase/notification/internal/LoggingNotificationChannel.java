package cn.gridcase.notification.internal;

import cn.gridcase.notification.Notice;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The channel every installation has: one log line per notice (a stand-in for an SMS gateway). */
@Component
class LoggingNotificationChannel implements NotificationChannel {

  private static final Logger log = LoggerFactory.getLogger(LoggingNotificationChannel.class);

  @Override
  public void deliver(Notice notice, Collection<String> recipients) {
    log.info(
        "notice {} [{}] to {}: {}",
        notice.kind(),
        notice.eventNumber(),
        recipients,
        notice.title());
  }
}
