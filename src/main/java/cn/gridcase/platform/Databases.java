package cn.gridcase.platform;

import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/** Which database GridCase runs on, for the few statements PostgreSQL and H2 spell differently. */
public final class Databases {

  private Databases() {}

  /** PostgreSQL (production) rather than H2 (the embedded default). */
  public static boolean isPostgres(DataSource dataSource) {
    try {
      return JdbcUtils.extractDatabaseMetaData(
              dataSource, metaData -> metaData.getDatabaseProductName())
          .toLowerCase(Locale.ROOT)
          .contains("postgres");
    } catch (MetaDataAccessException e) {
      throw new IllegalStateException("Cannot tell which database this is", e);
    }
  }
}
