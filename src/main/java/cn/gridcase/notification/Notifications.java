package cn.gridcase.notification;

import cn.gridcase.notification.internal.NotificationChannel;
import cn.gridcase.platform.GridCaseTime;
import cn.gridcase.platform.NotFound;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Notifications (通知): every notice lands in the recipients' in-app inboxes in the same transaction
 * as the step that raised it, and goes to every {@link NotificationChannel} once that transaction
 * has committed.
 */
@Service
public class Notifications {

  private static final Logger log = LoggerFactory.getLogger(Notifications.class);

  private final JdbcTemplate jdbc;
  private final List<NotificationChannel> channels;
  private final Clock clock;

  Notifications(JdbcTemplate jdbc, List<NotificationChannel> channels, Clock clock) {
    this.jdbc = jdbc;
    this.channels = channels;
    this.clock = clock;
  }

  /** Sends the notice to each named user once (nulls and duplicates are dropped). */
  public void send(Notice notice, Collection<String> recipients) {
    Set<String> users = new LinkedHashSet<>();
    recipients.stream().filter(Objects::nonNull).forEach(users::add);
    if (users.isEmpty()) {
      return;
    }
    Timestamp now = Timestamp.from(GridCaseTime.now(clock).toInstant());
    List<Object[]> rows = new ArrayList<>();
    for (String user : users) {
      rows.add(
          new Object[] {
            user, notice.kind().name(), notice.title(), notice.body(), notice.eventNumber(), now
          });
    }
    jdbc.batchUpdate(
        "insert into notification (recipient, kind, title, body, event_number, created_at)"
            + " values (?, ?, ?, ?, ?, ?)",
        rows);
    List<String> snapshot = List.copyOf(users);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              deliver(notice, snapshot);
            }
          });
    } else {
      deliver(notice, snapshot);
    }
  }

  private void deliver(Notice notice, List<String> users) {
    for (NotificationChannel channel : channels) {
      try {
        channel.deliver(notice, users);
      } catch (RuntimeException e) {
        // the inbox has the notice already; one failing gateway must not stop the others
        log.warn(
            "channel {} failed to deliver {}: {}",
            channel.getClass().getSimpleName(),
            notice.kind(),
            e.toString());
      }
    }
  }

  /** The user's inbox, newest first. */
  public List<InboxEntry> inbox(String user, boolean unreadOnly, int limit) {
    return jdbc.query(
        "select id, kind, title, body, event_number, created_at, read_at from notification"
            + " where recipient = ?"
            + (unreadOnly ? " and read_at is null" : "")
            + " order by id desc limit ?",
        (rs, i) ->
            new InboxEntry(
                rs.getLong("id"),
                NoticeKind.valueOf(rs.getString("kind")),
                rs.getString("title"),
                rs.getString("body"),
                rs.getString("event_number"),
                GridCaseTime.at(rs.getTimestamp("created_at")),
                GridCaseTime.at(rs.getTimestamp("read_at"))),
        user,
        limit);
  }

  public int unreadCount(String user) {
    Integer count =
        jdbc.queryForObject(
            "select count(*) from notification where recipient = ? and read_at is null",
            Integer.class,
            user);
    return count == null ? 0 : count;
  }

  /** Marks one of the user's notices read; another user's notice is "not found". */
  @Transactional
  public void markRead(String user, long id) {
    Integer mine =
        jdbc.queryForObject(
            "select count(*) from notification where id = ? and recipient = ?",
            Integer.class,
            id,
            user);
    if (mine == null || mine == 0) {
      throw new NotFound("No notification " + id);
    }
    jdbc.update(
        "update notification set read_at = ? where id = ? and read_at is null",
        Timestamp.from(GridCaseTime.now(clock).toInstant()),
        id);
  }

  @Transactional
  public int markAllRead(String user) {
    return jdbc.update(
        "update notification set read_at = ? where recipient = ? and read_at is null",
        Timestamp.from(GridCaseTime.now(clock).toInstant()),
        user);
  }
}
