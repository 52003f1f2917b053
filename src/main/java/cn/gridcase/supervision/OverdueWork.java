package cn.gridcase.supervision;

import cn.gridcase.event.OverdueStepFilter;
import cn.gridcase.organisation.AccessScope;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Overdue work of a feature other than events and cases (a meeting not held in its period, an
 * assignment past its deadline) for the supervisor's overdue list (rule S1). A feature publishes a
 * bean implementing it; supervision lists what every such bean returns beside the events' and the
 * cases' steps, so supervision depends on none of those features.
 */
public interface OverdueWork {

  /**
   * The overdue items within {@code scope} that {@code filter} keeps, as of {@code now}. Asked only
   * for a caller who supervises (S1); an item names its units so that the filter and the scope can
   * be applied by the feature that knows them.
   */
  List<OverdueWorkItem> overdue(AccessScope scope, OverdueStepFilter filter, OffsetDateTime now);
}
