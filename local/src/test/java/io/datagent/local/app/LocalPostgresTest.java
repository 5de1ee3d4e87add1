package io.datagent.local.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class LocalPostgresTest {

  @Test
  void should_keep_the_data_when_restarted_on_the_same_directory() throws Exception {
    Path dir = Files.createTempDirectory("state");
    try (LocalPostgres pg = LocalPostgres.inWorkspace(dir)) {
      DataSource ds = pg.start();
      assertThat(pg.start()).isSameAs(ds);
      try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE recuerdo (texto text)");
        s.execute("INSERT INTO recuerdo VALUES ('sigue aquí')");
      }
    }
    assertThat(dir.resolve("postgres").resolve("PG_VERSION")).exists();
    try (LocalPostgres pg = LocalPostgres.inWorkspace(dir);
        Connection c = pg.start().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT texto FROM recuerdo")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("sigue aquí");
    }
  }
}
