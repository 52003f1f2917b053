package cn.gridcase.calendar.internal;

import cn.gridcase.calendar.WorkingDays;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * Teaches the engine working days: the "duration" and "dueDate" business calendars understand
 * {@code workdays:N[@moment]} (timers of every kind, user task due and follow-up dates) and hand
 * everything else to the engine's own calendars; the deadlines set that way are remembered.
 */
@Component
class WorkingDaysEnginePlugin extends AbstractProcessEnginePlugin {

  private final WorkingDays workingDays;
  private final DeadlineRegistry registry;

  WorkingDaysEnginePlugin(WorkingDays workingDays, DeadlineRegistry registry) {
    this.workingDays = workingDays;
    this.registry = registry;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
    calendars.addBusinessCalendar(
        DurationBusinessCalendar.NAME,
        new WorkingDayBusinessCalendar(new DurationBusinessCalendar(), workingDays, registry));
    calendars.addBusinessCalendar(
        DueDateBusinessCalendar.NAME,
        new WorkingDayBusinessCalendar(new DueDateBusinessCalendar(), workingDays, registry));
    calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
    configuration.setBusinessCalendarManager(calendars);

    List<SessionFactory> sessionFactories =
        configuration.getCustomSessionFactories() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomSessionFactories());
    sessionFactories.add(registry.sessionFactory());
    configuration.setCustomSessionFactories(sessionFactories);
  }
}
