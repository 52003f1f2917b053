package cn.gridcase_archfixture.beta.internal;

/** Fixture for the architecture test: an internal class of feature "beta". */
public class Secret {
  public int value() {
    return 42;
  }
}
