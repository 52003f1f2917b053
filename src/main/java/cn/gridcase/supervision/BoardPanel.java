package cn.gridcase.supervision;

import cn.gridcase.organisation.AccessScope;
import java.util.List;

/**
 * A feature's panel on the 督办看板 beside the counts of open steps (e.g. the assessment's rankings,
 * A9). A feature publishes a bean implementing it; the board shows what every such bean returns, so
 * supervision depends on none of those features (as with {@link OverdueWork}).
 */
public interface BoardPanel {

  /**
   * The panels for the townships the board shows, each within {@code scope} (a township the caller
   * does not see gets none); may be empty.
   */
  List<Panel> panels(AccessScope scope, List<String> townshipCodes);

  /**
   * One panel: its {@code id} (for the page's anchors and tests), title and note, a table of text
   * cells under {@code headers}, the message shown when it has no rows, and links to the full page.
   */
  record Panel(
      String id,
      String title,
      String note,
      List<String> headers,
      List<List<String>> rows,
      String empty,
      List<Link> links) {}

  /** A link of a panel. */
  record Link(String label, String href) {}
}
