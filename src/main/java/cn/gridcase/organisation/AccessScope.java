package cn.gridcase.organisation;

import java.util.Set;

/**
 * What a user may see and act on, from their current appointments: a grid worker their grid;
 * village staff, grid leaders, instructors and area leaders their villages (and the grids in them);
 * township center staff and supervisors their township (villages, grids, departments); department
 * handlers their department; investigators only the cases assigned to them; administrators all.
 */
public record AccessScope(
    String username,
    boolean admin,
    Set<String> townships,
    Set<String> villages,
    Set<String> grids,
    Set<String> departments) {

  public boolean seesGrid(String gridCode) {
    return admin || grids.contains(gridCode);
  }
}
