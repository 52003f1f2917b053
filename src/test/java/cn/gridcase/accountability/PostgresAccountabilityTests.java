package cn.gridcase.accountability;

import cn.gridcase.test.ApiClient;
import cn.gridcase.test.PostgresApplicationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A whole accountability case on a real PostgreSQL server (fresh database, demo users). */
class PostgresAccountabilityTests extends PostgresApplicationTest {

  @Test
  @DisplayName(
      "C1-C7 on PostgreSQL: a whole case as supervisor1 and investigator1, with the scope refusals")
  void wholeCaseOnPostgres() {
    new AccountabilityCaseStory(ApiClient.anonymous(port)).run();
  }
}
