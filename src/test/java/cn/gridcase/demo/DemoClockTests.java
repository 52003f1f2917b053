package cn.gridcase.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ApiTestSupport;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.TimeZone;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** PUT/DELETE /api/admin/clock (docs/api.md, Demo clock), in the demo profile. */
class DemoClockTests extends ApiTestSupport {

  @Autowired RuntimeService runtimeService;

  @Test
  @DisplayName(
      "setting the demo clock answers the new time in Asia/Shanghai and runs the jobs that became"
          + " due")
  void setClockRunsDueJobs() {
    ProcessInstance probe = runtimeService.startProcessInstanceByKey("DeploymentProbe");
    OffsetDateTime twoHoursLater = OffsetDateTime.now().plusHours(2);

    Reply reply = api.as("admin").put("/api/admin/clock", "{\"now\": \"" + twoHoursLater + "\"}");

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    OffsetDateTime now = OffsetDateTime.parse(reply.json().get("now").asText());
    assertThat(now.getOffset().getId()).isEqualTo("+08:00");
    assertThat(now.toInstant())
        .isBetween(
            twoHoursLater.toInstant().minusSeconds(1), twoHoursLater.toInstant().plusSeconds(30));
    assertThat(reply.json().get("controlled").asBoolean()).isTrue();
    assertThat(reply.json().get("jobsExecuted").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(probe.getId()).count())
        .as("the probe's one-hour timer fired")
        .isZero();
  }

  @Test
  @DisplayName("DELETE puts the clock back to real time")
  void resetClock() {
    api.as("admin").put("/api/admin/clock", "{\"now\": \"2030-01-01T08:00:00+08:00\"}");
    Reply reply = api.as("admin").delete("/api/admin/clock");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("controlled").asBoolean()).isFalse();
    assertThat(OffsetDateTime.parse(reply.json().get("now").asText()).getYear()).isLessThan(2030);
  }

  @Test
  @DisplayName("T1 (zone) domain times are in Asia/Shanghai whatever the machine's zone")
  void timesInShanghaiWhateverTheMachineZone() {
    assertThat(TimeZone.getDefault().toZoneId())
        .as("the build runs the tests in another zone")
        .isNotEqualTo(ZoneId.of("Asia/Shanghai"));
    Reply reply = api.as("admin").get("/api/admin/clock");
    assertThat(reply.json().get("now").asText()).endsWith("+08:00");
  }
}
