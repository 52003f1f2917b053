package cn.gridcase.organisation;

import java.util.ArrayList;
import java.util.List;

/**
 * Grid types of rule G2 and their size standards (a grid outside its standard is a warning, not a
 * refusal).
 */
public enum GridType {
  /** 城镇社区网格: 300–500 households or about 1,000 people. */
  URBAN_COMMUNITY("城镇社区网格"),
  /**
   * 农村网格: one per administrative village, or per natural village/group sized like an urban grid.
   */
  RURAL("农村网格"),
  /** 专属网格: agencies, parks, factories, office buildings — no size standard. */
  EXCLUSIVE("专属网格");

  static final int MIN_HOUSEHOLDS = 300;
  static final int MAX_HOUSEHOLDS = 500;

  /** "About 1,000 people": read as 800–1,200. */
  static final int MIN_POPULATION = 800;

  static final int MAX_POPULATION = 1200;

  private final String label;

  GridType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * The G2 size warnings for a grid of this type. An urban grid is within its standard when either
   * its households (300–500) or its population (about 1,000) are; a rural grid sized below a whole
   * village is measured the same way; exclusive grids have no standard.
   */
  public List<String> sizeWarnings(Integer households, Integer population) {
    List<String> warnings = new ArrayList<>();
    if (this == EXCLUSIVE) {
      return warnings;
    }
    boolean householdsOk =
        households != null && households >= MIN_HOUSEHOLDS && households <= MAX_HOUSEHOLDS;
    boolean populationOk =
        population != null && population >= MIN_POPULATION && population <= MAX_POPULATION;
    if (this == URBAN_COMMUNITY && !householdsOk && !populationOk) {
      warnings.add(
          "G2: an urban community grid has 300–500 households or about 1,000 people; this one has "
              + (households == null ? "?" : households)
              + " households and "
              + (population == null ? "?" : population)
              + " people");
    }
    // a rural grid below a whole village's size: by its households when known, else by its
    // population
    boolean belowVillage =
        households != null
            ? households < MIN_HOUSEHOLDS
            : population != null && population < MIN_POPULATION;
    if (this == RURAL && belowVillage && !populationOk) {
      warnings.add(
          "G2: a rural grid smaller than a village is sized like an urban grid (300–500 households"
              + " or about 1,000 people); this one has "
              + (households == null ? "?" : households)
              + " households and "
              + (population == null ? "?" : population)
              + " people");
    }
    return warnings;
  }
}
