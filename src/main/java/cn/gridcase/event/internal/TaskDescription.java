package cn.gridcase.event.internal;

import cn.gridcase.organisation.Grid;
import cn.gridcase.organisation.Organisation;
import cn.gridcase.platform.GridCaseTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The description of an event's tasks, which Tasklist shows in its 描述 tab: one element of the event
 * per line (标题, 类别, 网格, 发生时间, 地点, 人物, 起因, 经过, 当事人 …), times as {@code yyyy-MM-dd HH:mm} Beijing
 * time. Tasklist prints the description as plain text; its lines are kept by the webapps'
 * stylesheet ({@code app/gridcase/webapps.css}, {@code white-space: pre-line}).
 *
 * <p>The engine keeps a task's description in a column of 4,000 characters, while cause and course
 * may each be as long: long texts are shortened here, the event itself keeps them whole.
 */
@Component
public class TaskDescription {

  /** ACT_RU_TASK.DESCRIPTION_ is varchar(4000). */
  static final int MAX_LENGTH = 4000;

  private static final int LONG_TEXT_SHOWN = 1200;
  private static final String SHORTENED = "…（全文见事件详情）";

  private final Organisation organisation;

  TaskDescription(Organisation organisation) {
    this.organisation = organisation;
  }

  public String of(Event event, String departments) {
    List<String> lines = new ArrayList<>();
    lines.add("事件编号：" + event.number());
    lines.add("标题：" + event.title());
    lines.add("类别：" + event.category().label() + (event.major() ? "（重大突发事件）" : ""));
    lines.add(
        "网格："
            + organisation
                .grid(event.gridCode())
                .map(Grid::name)
                .map(name -> name + "（" + event.gridCode() + "）")
                .orElse(event.gridCode()));
    lines.add("发生时间：" + minutes(event.occurredAt()));
    lines.add("地点：" + event.location());
    lines.add("人物：" + shortened(event.persons()));
    lines.add("起因：" + shortened(event.cause()));
    lines.add("经过：" + shortened(event.course()));
    if (event.parties() != null && !event.parties().isEmpty()) {
      lines.add(
          "当事人："
              + event.parties().stream()
                  .map(
                      party ->
                          party.name()
                              + (party.phone() == null || party.phone().isBlank()
                                  ? ""
                                  : "（" + party.phone() + "）"))
                  .collect(Collectors.joining("、")));
    }
    lines.add("上报时间：" + minutes(event.reportedAt()));
    if (event.resolution() != null) {
      lines.add("办理结果：" + shortened(event.resolution().result()));
      if (event.resolution().mediationResult() != null) {
        lines.add("调解结果：" + shortened(event.resolution().mediationResult()));
      }
    }
    if (departments != null) {
      lines.add("可派单部门：" + departments);
    }
    String text = String.join("\n", lines);
    return text.length() <= MAX_LENGTH
        ? text
        : text.substring(0, MAX_LENGTH - SHORTENED.length()) + SHORTENED;
  }

  static String minutes(OffsetDateTime moment) {
    return GridCaseTime.minute(moment);
  }

  private static String shortened(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= LONG_TEXT_SHOWN ? text : text.substring(0, LONG_TEXT_SHOWN) + SHORTENED;
  }
}
