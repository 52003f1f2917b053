package cn.gridcase.event.internal;

import cn.gridcase.organisation.AccessScope;
import java.util.Set;

/** The part of the event tables a user may see, from their access scope. */
public record Visibility(
    boolean all, Set<String> grids, Set<String> departments, Set<String> townships) {

  public static Visibility of(AccessScope scope) {
    return new Visibility(scope.admin(), scope.grids(), scope.departments(), scope.townships());
  }

  public boolean sees(Event event) {
    return all
        || grids.contains(event.gridCode())
        || townships.contains(event.townshipCode())
        || (event.departmentCode() != null && departments.contains(event.departmentCode()));
  }
}
