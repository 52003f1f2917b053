package cn.gridcase.assessment.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A4's arithmetic: seven items of basic work, each starting at its points and losing its
 * deductions, never below 0; basic work out of 100; the score = basic × 80% + residents'
 * satisfaction × 20%. Points in tenths, the score in hundredths (exact).
 */
final class QuarterScore {

  /** The items' names and points (S1 五(二)), item 1 first. */
  static final String[] ITEM_NAMES = {
    "信息采集更新", "联系服务群众", "矛盾纠纷和不稳定因素排查", "代办服务", "入户走访", "民情日志", "培训和例会"
  };

  static final int[] ITEM_MAX_TENTHS = {150, 150, 150, 150, 200, 100, 100};

  private QuarterScore() {}

  /** One item with its deductions and the points left. */
  record Item(int item, int maxTenths, int tenths, List<Deduction> deductions) {

    String name() {
      return ITEM_NAMES[item - 1];
    }
  }

  /** The seven items from all deductions of one grid worker. */
  static List<Item> items(List<Deduction> deductions) {
    List<Item> items = new ArrayList<>();
    for (int item = 1; item <= 7; item++) {
      int max = ITEM_MAX_TENTHS[item - 1];
      int lost = 0;
      List<Deduction> of = new ArrayList<>();
      for (Deduction d : deductions) {
        if (d.item() == item) {
          of.add(d);
          lost += d.tenths();
        }
      }
      items.add(new Item(item, max, Math.max(0, max - lost), List.copyOf(of)));
    }
    return items;
  }

  /** Basic work in tenths (0–1000): the items' points summed. */
  static int basic(List<Item> items) {
    return items.stream().mapToInt(Item::tenths).sum();
  }

  /** The score in hundredths: basic × 80% + satisfaction × 20%, both in tenths of 100. */
  static int score(int basicTenths, int satisfactionTenths) {
    return 8 * basicTenths + 2 * satisfactionTenths;
  }
}
