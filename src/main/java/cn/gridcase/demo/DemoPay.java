package cn.gridcase.demo;

import cn.gridcase.calendar.WorkingDays;
import cn.gridcase.event.EventCategory;
import cn.gridcase.event.EventReport;
import cn.gridcase.event.Events;
import cn.gridcase.event.GridEntries;
import cn.gridcase.event.Party;
import cn.gridcase.platform.GridCaseTime;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Last month's entries of worker1..3 for their pay statements (A1–A3), reported and handled through
 * the event feature with the engine clock moved back to each moment (and reset after): worker1
 * beyond 8 counted entries with bonuses (closed, escalated, a 进京非访 report) and one resolved late;
 * worker2 short of 8 with a late one; worker3 exactly 8. Loaded once: a restart that finds
 * worker1's entries of last month leaves everything as it is. The current month has the sample
 * events (worker1's still open: 我的报酬 is provisional).
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "gridcase.demo.sample-pay", havingValue = "true")
@Order(30)
class DemoPay implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoPay.class);

  private final Events events;
  private final GridEntries entries;
  private final WorkingDays workingDays;
  private final boolean enabled;

  DemoPay(
      Events events,
      GridEntries entries,
      WorkingDays workingDays,
      @Value("${gridcase.demo.data:true}") boolean enabled) {
    this.events = events;
    this.entries = entries;
    this.workingDays = workingDays;
    this.enabled = enabled;
  }

  /** One demo grid worker's month: how many closed, escalated, 进京非访 and late entries. */
  record Month(String worker, String grid, int closed, int escalated, int petition, int late) {}

  static final List<Month> MONTHS =
      List.of(
          new Month("worker1", "GS-V01-G01", 9, 1, 1, 1),
          new Month("worker2", "GS-V01-G02", 6, 0, 0, 1),
          new Month("worker3", "GS-V02-G01", 8, 0, 0, 0));

  static final String[][] TITLES = {
    {"HAZARD", "楼道堆放杂物", "清理楼道杂物，恢复消防通道"},
    {"SERVICE", "独居老人代办低保年审", "已代为提交年审材料"},
    {"DISPUTE", "邻里停车纠纷", "调解后双方口头约定车位"},
    {"HAZARD", "路灯损坏", "联系物业更换灯泡"},
    {"SERVICE", "残疾人证到期换证", "已代办换证"},
    {"HAZARD", "井盖松动", "已加固井盖"},
  };

  @Override
  public void run(ApplicationArguments args) {
    if (!enabled) {
      return;
    }
    LocalDate today = LocalDate.now(GridCaseTime.ZONE);
    YearMonth last = YearMonth.from(today).minusMonths(1);
    OffsetDateTime from = last.atDay(1).atStartOfDay(GridCaseTime.ZONE).toOffsetDateTime();
    if (!entries.reportedBy("worker1", from, from.plusMonths(1)).isEmpty()) {
      log.info("Demo pay entries already loaded");
      return;
    }
    List<LocalDate> days =
        last.atDay(1)
            .datesUntil(last.plusMonths(1).atDay(1))
            .filter(workingDays::isWorkingDay)
            .toList();
    int count = 0;
    try {
      for (Month m : MONTHS) {
        int n = 0;
        int total = m.closed() + m.escalated() + m.petition() + m.late();
        for (int i = 0; i < total; i++) {
          // spread over the month's working days, the late one early enough to run late in it
          LocalDate day = days.get(Math.min(days.size() - 1, (i * days.size()) / (total + 1)));
          OffsetDateTime at =
              day.atTime(9 + i % 6, 10).atZone(GridCaseTime.ZONE).toOffsetDateTime();
          String[] t = TITLES[n++ % TITLES.length];
          // in report order: the late ones first (resolved within the month), then the closed,
          // the escalated and the 进京非访 ones (the bonuses beyond the first 8 counted)
          boolean late = i < m.late();
          int k = i - m.late();
          boolean escalated = k >= m.closed() && k < m.closed() + m.escalated();
          boolean petition = k >= m.closed() + m.escalated();
          String number = report(m, t, at, petition, escalated);
          if (escalated) {
            events.escalate(number, m.worker(), "需村社会服务管理站协调相关单位", null);
          } else if (late) {
            LocalDate afterLimit = workingDays.deadline(at, 6).deadline().toLocalDate();
            set(afterLimit.atTime(10, 0).atZone(GridCaseTime.ZONE).toOffsetDateTime());
            events.resolve(number, m.worker(), Map.of("result", t[2], "delayReason", "等待相关单位配合"));
          } else {
            set(at.plusHours(3));
            events.resolve(number, m.worker(), resolution(t));
          }
          count++;
        }
      }
    } finally {
      ClockUtil.reset();
    }
    log.info("Demo pay loaded: {} entries of worker1, worker2, worker3 in {}", count, last);
  }

  private String report(
      Month m, String[] t, OffsetDateTime at, boolean petition, boolean escalated) {
    set(at);
    EventCategory category = EventCategory.valueOf(t[0]);
    boolean dispute = category == EventCategory.DISPUTE;
    return events
        .report(
            new EventReport(
                category,
                m.grid(),
                petition ? "重点人员有进京上访倾向" : t[1],
                at.minusHours(1),
                "本网格",
                petition ? "重点人员周某" : "居民",
                petition ? "诉求长期未解决" : "网格员巡查发现",
                petition ? "走访中得知其准备进京，已稳控并报告" : "现场核实情况",
                dispute
                    ? List.of(new Party("赵某", "13800002001"), new Party("钱某", "13800002002"))
                    : List.of(),
                false,
                petition),
            m.worker())
        .number();
  }

  private static Map<String, Object> resolution(String[] t) {
    if ("DISPUTE".equals(t[0])) {
      return Map.of(
          "result",
          t[2],
          "mediator",
          "网格员",
          "mediationResult",
          "双方达成一致",
          "agreementForm",
          "ORAL",
          "agreementTerms",
          t[2]);
    }
    return Map.of("result", t[2]);
  }

  private static void set(OffsetDateTime at) {
    ClockUtil.setCurrentTime(Date.from(at.toInstant()));
  }
}
