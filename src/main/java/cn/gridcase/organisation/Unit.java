package cn.gridcase.organisation;

/** A unit of the organisation: township, village, grid or department. */
public record Unit(String code, String name, UnitKind kind, String parentCode) {}
