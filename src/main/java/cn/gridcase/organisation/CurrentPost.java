package cn.gridcase.organisation;

/** A post a person holds besides the appointment (S1: some may not double as grid worker). */
public enum CurrentPost {
  NONE(false),
  /** 村党组织书记. */
  VILLAGE_PARTY_SECRETARY(true),
  /** 村委会主任. */
  VILLAGE_COMMITTEE_DIRECTOR(true),
  /** 乡镇干部. */
  TOWNSHIP_CADRE(true),
  /** 村党组织副书记 (may double as grid worker). */
  DEPUTY_PARTY_SECRETARY(false),
  /** 妇联主席/妇女主任 (may double as grid worker). */
  WOMENS_DIRECTOR(false);

  private final boolean excludesGridWorker;

  CurrentPost(boolean excludesGridWorker) {
    this.excludesGridWorker = excludesGridWorker;
  }

  public boolean excludesGridWorker() {
    return excludesGridWorker;
  }
}
