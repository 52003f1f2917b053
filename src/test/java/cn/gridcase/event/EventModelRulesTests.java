package cn.gridcase.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the event models must keep for the steps' hand-over: a user task's listener hands its
 * command to the recording service task as a transient value, which lives for one transaction only.
 */
class EventModelRulesTests {

  /** Each user task and the recording service task its listener hands over to, by model. */
  static final Map<String, Map<String, String>> HAND_OVERS =
      Map.of(
          "/bpmn/event-level-handling.bpmn",
              Map.of(
                  "AcceptEventTask", "RecordAcceptanceTask",
                  "HandleEventTask", "RecordHandlingTask"),
          "/bpmn/event-handling.bpmn", Map.of("FeedbackTask", "RecordFeedbackTask"));

  @Test
  @DisplayName(
      "E10: every user task hands over straight to its recording task, neither of them"
          + " asynchronous, so the transient command is still there")
  void handOversRunInOneTransaction() throws IOException {
    for (Map.Entry<String, Map<String, String>> model : HAND_OVERS.entrySet()) {
      assertThat(breaches(read(model.getKey()), model.getValue())).as(model.getKey()).isEmpty();
    }
  }

  @Test
  @DisplayName(
      "E10: an asyncBefore or asyncAfter on a recording task or the user task before it is a"
          + " breach")
  void asynchronousContinuationIsABreach() throws IOException {
    String xml = text("/bpmn/event-level-handling.bpmn");
    String asyncRecording =
        xml.replace(
            "<bpmn:serviceTask id=\"RecordHandlingTask\"",
            "<bpmn:serviceTask id=\"RecordHandlingTask\" camunda:asyncBefore=\"true\"");
    String asyncTask =
        xml.replace(
            "<bpmn:userTask id=\"AcceptEventTask\"",
            "<bpmn:userTask id=\"AcceptEventTask\" camunda:asyncAfter=\"true\"");
    Map<String, String> handOvers = HAND_OVERS.get("/bpmn/event-level-handling.bpmn");

    assertThat(breaches(parse(asyncRecording), handOvers))
        .containsExactly("RecordHandlingTask is asynchronous");
    assertThat(breaches(parse(asyncTask), handOvers))
        .containsExactly("AcceptEventTask is asynchronous");
  }

  /** What stands between each user task and its recording task in another transaction. */
  static List<String> breaches(BpmnModelInstance model, Map<String, String> handOvers) {
    List<String> breaches = new ArrayList<>();
    handOvers.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            handOver -> {
              FlowNode task = model.getModelElementById(handOver.getKey());
              FlowNode recording = model.getModelElementById(handOver.getValue());
              if (task == null || recording == null) {
                breaches.add(handOver.getKey() + " or " + handOver.getValue() + " is missing");
                return;
              }
              List<String> next =
                  task.getOutgoing().stream()
                      .map(SequenceFlow::getTarget)
                      .map(FlowNode::getId)
                      .toList();
              if (!next.equals(List.of(recording.getId()))) {
                breaches.add(
                    task.getId() + " leads to " + next + ", not straight to " + recording.getId());
              }
              for (FlowNode node : List.of(task, recording)) {
                if (node.isCamundaAsyncBefore() || node.isCamundaAsyncAfter()) {
                  breaches.add(node.getId() + " is asynchronous");
                }
              }
            });
    return breaches;
  }

  private static BpmnModelInstance read(String resource) throws IOException {
    return parse(text(resource));
  }

  private static BpmnModelInstance parse(String xml) {
    return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static String text(String resource) throws IOException {
    try (InputStream in = EventModelRulesTests.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
