package cn.gridcase.assessment;

/** What a ranking ranks (A9). */
public enum RankingScope {
  /** 网格: each grid of the township by the entries of its grid workers there. */
  GRID,
  /** 网格员: each grid worker of the township. */
  GRID_WORKER
}
