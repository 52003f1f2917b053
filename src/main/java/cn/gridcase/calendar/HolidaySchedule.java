package cn.gridcase.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * The State Council's holiday schedule of one year: statutory holidays ({@code offDay}) and make-up
 * working days on weekends ({@code !offDay}, 调休上班). Days not listed follow Mon–Fri.
 */
public record HolidaySchedule(int year, List<Day> days) {

  public record Day(LocalDate date, String name, boolean offDay) {}
}
