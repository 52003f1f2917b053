package cn.gridcase.event;

import cn.gridcase.event.internal.GridEntryRows;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The events reported in a window with the facts of their grid-level step (for pay and rankings,
 * A1–A3, A9), in report order (reported at, then number). No scope is applied: the caller checks
 * who may see the result. One indexed read each ({@code event_by_reporter}, {@code
 * event_by_township_reported}), joined with the grid-level steps.
 */
@Service
public class GridEntries {

  private final GridEntryRows rows;

  GridEntries(GridEntryRows rows) {
    this.rows = rows;
  }

  /** The events a user reported in {@code [from, to)}. */
  @Transactional(readOnly = true)
  public List<GridEntry> reportedBy(String username, OffsetDateTime from, OffsetDateTime to) {
    return rows.reportedBy(username, from, to);
  }

  /** The events reported in a township in {@code [from, to)}, by anyone. */
  @Transactional(readOnly = true)
  public List<GridEntry> reportedIn(String townshipCode, OffsetDateTime from, OffsetDateTime to) {
    return rows.reportedIn(townshipCode, from, to);
  }
}
