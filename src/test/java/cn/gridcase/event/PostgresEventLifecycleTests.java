package cn.gridcase.event;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.ApiClient;
import cn.gridcase.test.PostgresApplicationTest;
import cn.gridcase.test.WorkQueueState;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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

  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;

  @Test
  @DisplayName(
      "the work list on PostgreSQL: concurrent reports and claims leave every open task's queue"
          + " rows as the engine has them")
  void workQueuesOnPostgres() throws Exception {
    ApiClient api = ApiClient.anonymous(port);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<ApiClient.Reply>> reports = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      // offered to grid GS-V01-G01: an acceptance task in the grid's queue
      reports.add(pool.submit(() -> api.as("station1").post("/api/events", EventLifecycle.HAZARD)));
    }
    List<String> numbers = new ArrayList<>();
    for (Future<ApiClient.Reply> report : reports) {
      ApiClient.Reply reply = report.get(120, TimeUnit.SECONDS);
      assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
      numbers.add(reply.json().get("number").asText());
    }
    List<Future<?>> claims = new ArrayList<>();
    for (String number : numbers.subList(0, 12)) {
      claims.add(
          pool.submit(
              () ->
                  taskService.claim(
                      taskService
                          .createTaskQuery()
                          .processInstanceBusinessKey(number)
                          .singleResult()
                          .getId(),
                      "worker1")));
    }
    for (Future<?> claim : claims) {
      claim.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();
    List<String> open = taskService.createTaskQuery().list().stream().map(Task::getId).toList();
    assertThat(WorkQueueState.stored(jdbc, open))
        .isEqualTo(WorkQueueState.expected(taskService, open));
    assertThat(
            api.as("worker1").get("/api/tasks?limit=1000").json().findValuesAsText("eventNumber"))
        .containsAll(numbers);
    assertThat(api.as("worker1").get("/api/tasks/count").json().get("count").asLong())
        .isEqualTo(
            taskService.createTaskQuery().taskAssignee("worker1").count()
                + taskService.createTaskQuery().taskCandidateUser("worker1").count());
  }

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
