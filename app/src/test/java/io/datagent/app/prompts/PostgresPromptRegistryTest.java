package io.datagent.app.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.agent.prompt.registry.PromptRegistry;
import io.datagent.app.TestPostgres;
import io.datagent.app.state.StateDatabase;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The registry contract on the App's PostgreSQL (embedded here; Lakebase on Databricks runs the same code). */
class PostgresPromptRegistryTest extends PromptRegistryContract {

  static DataSource migrated() {
    DataSource ds = TestPostgres.freshDatabase();
    new StateDatabase(ds).migrate();
    return ds;
  }

  @Override
  PromptRegistry registry() {
    return new PostgresPromptRegistry(migrated(), Clock.systemUTC());
  }

  @Test
  void should_register_one_version_per_text_when_instances_register_at_once() throws Exception {
    PromptRegistry r = registry();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Integer>> got = IntStream.range(0, 12)
          .mapToObj(i -> pool.submit(() -> r.register(NAME, "Texto " + (i % 3), "ana@empresa.es", "x"))).toList();
      for (Future<Integer> f : got) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }

    assertThat(r.versions(NAME)).extracting(v -> v.version()).containsExactly(3, 2, 1);
  }
}
