package cn.gridcase.organisation;

/** A post a person holds besides the appointment (S1: some may not double as grid worker). */
public enum CurrentPost {
  NONE("无", false),
  VILLAGE_PARTY_SECRETARY("村党组织书记", true),
  VILLAGE_COMMITTEE_DIRECTOR("村委会主任", true),
  TOWNSHIP_CADRE("乡镇干部", true),
  /** May double as grid worker. */
  DEPUTY_PARTY_SECRETARY("村党组织副书记", false),
  /** May double as grid worker. */
  WOMENS_DIRECTOR("妇联主席/妇女主任", false);

  private final String label;
  private final boolean excludesGridWorker;

  CurrentPost(String label, boolean excludesGridWorker) {
    this.label = label;
    this.excludesGridWorker = excludesGridWorker;
  }

  /** The post as the officials name it (messages, audit views). */
  public String label() {
    return label;
  }

  public boolean excludesGridWorker() {
    return excludesGridWorker;
  }
}
