package io.datagent.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.app.state.StateDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class StateDatabaseTest {

  @Test
  void should_create_the_fixed_trace_and_feedback_tables_in_schema_app_when_migrating() throws Exception {
    DataSource ds = TestPostgres.freshDatabase();
    StateDatabase state = new StateDatabase(ds);
    assertThat(state.migrate()).isEqualTo(8);
    assertThat(state.migrate()).isZero();
    assertThat(columns(ds, "traces")).containsExactly("id:uuid", "created_at:timestamp with time zone", "user_email:text",
        "conversation_id:uuid", "question:text", "answer:text", "mode:text", "sql:jsonb", "tool_calls:jsonb",
        "sources:jsonb", "latency_ms:integer", "prompt_tokens:integer", "completion_tokens:integer", "error:text",
        "prompt_version:integer");
    assertThat(columns(ds, "prompt_versions")).containsExactly("name:text", "version:integer", "content:text", "sha256:text",
        "author:text", "message:text", "created_at:timestamp with time zone");
    assertThat(columns(ds, "feedback")).containsExactly("id:bigint", "trace_id:uuid", "user_email:text", "rating:smallint",
        "comment:text", "created_at:timestamp with time zone");
    assertThat(columns(ds, "access_refusals")).containsExactly("id:bigint", "at:timestamp with time zone",
        "user_email:text", "method:text", "path:text", "role:text");
    assertThat(columns(ds, "trusted_queries")).containsExactly("id:text", "table_name:text", "title:text", "patterns:jsonb",
        "sql:text", "params:jsonb", "param_order:jsonb", "author:text", "created_at:timestamp with time zone");
    assertThat(columns(ds, "compiler_tuning")).isNotEmpty();
    assertThat(columns(ds, "flyway_schema_history")).isNotEmpty();
    assertThat(state.ping()).isTrue();
  }

  private static List<String> columns(DataSource ds, String table) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'app' "
            + "AND table_name = '" + table + "' ORDER BY ordinal_position")) {
      while (rs.next()) {
        out.add(rs.getString(1) + ":" + rs.getString(2));
      }
    }
    return out;
  }
}
