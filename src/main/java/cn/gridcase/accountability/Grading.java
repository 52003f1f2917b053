package cn.gridcase.accountability;

/**
 * How a late event step is graded (C3: 情节较轻 / 较重 / 严重), per township. A step is SERIOUS when it ran
 * {@code seriousDays} working days late or more, or was the subject's {@code seriousCount}-th late
 * step within a year; GRAVE likewise with the grave thresholds; LIGHT otherwise. The seeds give no
 * numbers: these defaults are GridCase's, documented in docs/processes.md.
 */
public record Grading(int seriousDays, int graveDays, int seriousCount, int graveCount) {

  public static final Grading DEFAULTS = new Grading(3, 6, 2, 3);

  Severity grade(int workingDaysLate, int lateStepsInYear) {
    if (workingDaysLate >= graveDays || lateStepsInYear >= graveCount) {
      return Severity.GRAVE;
    }
    if (workingDaysLate >= seriousDays || lateStepsInYear >= seriousCount) {
      return Severity.SERIOUS;
    }
    return Severity.LIGHT;
  }
}
