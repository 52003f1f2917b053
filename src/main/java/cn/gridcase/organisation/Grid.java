package cn.gridcase.organisation;

import java.util.List;

/** A grid (网格, G1) with its type and size (G2) and the size warnings that follow. */
public record Grid(
    String code,
    String name,
    String villageCode,
    GridType type,
    Integer households,
    Integer population) {

  public List<String> warnings() {
    return type == null ? List.of() : type.sizeWarnings(households, population);
  }
}
