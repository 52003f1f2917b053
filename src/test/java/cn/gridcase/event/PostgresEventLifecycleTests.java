package cn.gridcase.event;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.ApiClient;
import cn.gridcase.test.PostgresApplicationTest;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The event life cycle on a real PostgreSQL server (fresh database, demo users): the same story as
 * the H2 API test, plus event numbers taken by many concurrent reports.
 */
class PostgresEventLifecycleTests extends PostgresApplicationTest {

  @Test
  @DisplayName(
      "E1-E10 on PostgreSQL: worker1 -> station1 -> center1 -> safety1 -> feedback, with"
          + " 403/404/409/422")
  void fullLifeCycleOnPostgres() {
    new EventLifecycle(ApiClient.anonymous(port)).run();
  }

  @Test
  @DisplayName(
      "E4 on PostgreSQL: an acceptance nobody makes turns overdue and reaches the supervisor")
  void overdueOnPostgres() {
    new EventLifecycle(ApiClient.anonymous(port)).overdueAcceptance();
  }

  @Test
  @DisplayName("event numbers on PostgreSQL: 60 concurrent reports get 60 distinct numbers")
  void numbersUniqueOnPostgres() throws Exception {
    ApiClient api = ApiClient.anonymous(port);
    Set<String> numbers = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(32); // more than the connection pool
    for (int i = 0; i < 60; i++) {
      String user = i % 2 == 0 ? "worker1" : "station1";
      pool.submit(
          () -> {
            ApiClient.Reply reply = api.as(user).post("/api/events", EventLifecycle.HAZARD);
            if (reply.status() == 201) {
              numbers.add(reply.json().get("number").asText());
            } else {
              numbers.add("FAILED " + reply);
            }
          });
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
    assertThat(numbers).hasSize(60).allMatch(n -> n.matches("SJ-\\d{8}-\\d{4}"));
  }

  @org.springframework.beans.factory.annotation.Autowired JdbcTemplate jdbc;

  @Test
  @DisplayName(
      "the work list's index on ACT_RU_TASK is created on PostgreSQL (concurrently, after the"
          + " engine's schema)")
  void worklistIndexOnPostgres() {
    assertThat(
            jdbc.queryForList(
                "select indexdef from pg_indexes where tablename = 'act_ru_task'"
                    + " and indexname = 'gridcase_idx_task_assignee_due'",
                String.class))
        .singleElement()
        .asString()
        .contains("(assignee_, due_date_, create_time_)");
  }
}
