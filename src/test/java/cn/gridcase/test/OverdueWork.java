package cn.gridcase.test;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.ApiClient.Reply;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * Overdue work for supervision tests, made with the demo clock: at 2026-09-30 10:00 (before the
 * National Day holiday) center1 reports one event in GS-V01-G01 and one in GS-V02-G01 (each waits
 * for the grid's acceptance, due end of 2026-10-09: T2's example) and supervisor1 opens a case
 * against worker2 (investigation due end of 2026-10-20); then the clock moves to {@link #LATER},
 * 2026-10-22 10:00, and the due jobs run (late steps raise C3 proposals). The grid GS-V01-G01 step
 * is claimed by worker1. Call {@link #reset} in a {@code finally}.
 */
public final class OverdueWork {

  public static final OffsetDateTime REPORTED = OffsetDateTime.parse("2026-09-30T10:00:00+08:00");
  public static final OffsetDateTime LATER = OffsetDateTime.parse("2026-10-22T10:00:00+08:00");

  /**
   * Working days after 2026-10-09 up to 2026-10-22: the make-up Saturday 10-10, then 10-12 … 10-16,
   * 10-19 … 10-22.
   */
  public static final int EVENT_WORKING_DAYS_OVERDUE = 10;

  public static final int EVENT_CALENDAR_DAYS_OVERDUE = 13;

  /** Working days after 2026-10-20 up to 2026-10-22. */
  public static final int CASE_WORKING_DAYS_OVERDUE = 2;

  public final String inV01G01;
  public final String inV02G01;
  public final long caseId;

  private OverdueWork(String inV01G01, String inV02G01, long caseId) {
    this.inV01G01 = inV01G01;
    this.inV02G01 = inV02G01;
    this.caseId = caseId;
  }

  public static OverdueWork create(ApiClient api, TaskService tasks) {
    setClock(api, REPORTED);
    String first = report(api, "GS-V01-G01", "村口路灯不亮（超期测试）");
    String second = report(api, "GS-V02-G01", "水渠堵塞（超期测试）");
    Reply opened =
        api.as("supervisor1")
            .post(
                "/api/accountability/cases",
                "{\"subject\": \"worker2\", \"subjectRole\": \"GRID_WORKER\", \"clause\":"
                    + " \"第四条（一）6\", \"facts\": \"超期测试：调查超期\"}");
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    Task accept = tasks.createTaskQuery().taskNameLike("%" + first).singleResult();
    tasks.claim(accept.getId(), "worker1");
    setClock(api, LATER);
    return new OverdueWork(first, second, opened.json().get("id").asLong());
  }

  public static void reset(ApiClient api) {
    api.as("admin").delete("/api/admin/clock");
  }

  private static String report(ApiClient api, String grid, String title) {
    Reply reported =
        api.as("center1")
            .post(
                "/api/events",
                "{\"category\": \"HAZARD\", \"gridCode\": \""
                    + grid
                    + "\", \"title\": \""
                    + title
                    + "\", \"occurredAt\": \"2026-09-29T08:00:00+08:00\", \"location\": \"村口\","
                    + " \"persons\": \"村民\", \"cause\": \"设施老化\", \"course\": \"群众反映，尚未处理\","
                    + " \"major\": false}");
    assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
    assertThat(reported.json().get("acceptBy").asText()).isEqualTo("2026-10-09T23:59:59+08:00");
    return reported.json().get("number").asText();
  }

  private static void setClock(ApiClient api, OffsetDateTime now) {
    Reply set = api.as("admin").put("/api/admin/clock", "{\"now\": \"" + now + "\"}");
    assertThat(set.status()).as(set.toString()).isEqualTo(200);
  }
}
