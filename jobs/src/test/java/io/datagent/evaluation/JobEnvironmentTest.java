package io.datagent.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.platform.Platform;
import io.datagent.platform.PlatformConfig;
import io.datagent.testkit.FakeWorkspace;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobEnvironmentTest {

  @Test
  void should_read_the_lakebase_host_from_the_instance_only_when_the_job_was_not_given_one() {
    try (FakeWorkspace ws = new FakeWorkspace()) {
      ws.auth().allowToken("job-token");
      ws.route("GET", "/api/2\\.0/database/instances/datagent-state", (c, b) -> FakeWorkspace.Reply.json(
          Map.of("name", "datagent-state", "state", "AVAILABLE", "read_write_dns", "instance-1.database.example.net")));
      Platform platform = new Platform(PlatformConfig.pat(ws.url(), "job-token"));

      Map<String, String> looked = JobEnvironment.complete(Map.of("LAKEBASE_INSTANCE_NAME", "datagent-state",
          "PGDATABASE", "databricks_postgres"), platform);
      Map<String, String> given = JobEnvironment.complete(Map.of("LAKEBASE_INSTANCE_NAME", "datagent-state",
          "PGHOST", "pg.internal"), platform);

      assertThat(looked).containsEntry("PGHOST", "instance-1.database.example.net").containsEntry("PGDATABASE", "databricks_postgres");
      assertThat(given).containsEntry("PGHOST", "pg.internal");
      assertThat(ws.calls("/api/2\\.0/database/instances/.*")).hasSize(1);
    }
  }
}
