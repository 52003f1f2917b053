package cn.gridcase_archfixture.alpha;

import cn.gridcase_archfixture.beta.internal.Secret;

/** Fixture for the architecture test: breaks the feature boundary on purpose. */
public class Client {
  public int use() {
    return new Secret().value();
  }
}
