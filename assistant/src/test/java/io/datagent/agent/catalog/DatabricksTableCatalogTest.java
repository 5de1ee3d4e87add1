package io.datagent.agent.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagent.agent.Fixtures.RecordingExecutor;
import io.datagent.agent.QueryResult;
import io.datagent.agent.sql.SqlExecutionException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatabricksTableCatalogTest {

  static QueryResult rows(List<String> columns, List<List<Object>> rows) {
    return new QueryResult(columns, columns.stream().map(c -> "STRING").toList(), rows, false);
  }

  final RecordingExecutor executor = RecordingExecutor.by(sql -> {
    if (sql.contains("information_schema.tables") && sql.contains("IN (")) {
      return rows(List.of("table_schema", "table_name", "comment"), List.of(List.of("serving", "potenciainstalada", "Potencia")));
    }
    if (sql.contains("information_schema.tables")) {
      return rows(List.of("comment"), sql.contains("'potenciainstalada'") ? List.of(List.of("Potencia")) : List.of());
    }
    if (sql.contains("information_schema.columns")) {
      return rows(List.of("column_name", "full_data_type", "comment"), List.of(List.of("central", "string", "CENTRAL"),
          List.of("_source_row", "bigint", "")));
    }
    return rows(List.of("central", "_source_row"), List.of(List.of("ABRO", "2"), List.of("ACAJ", "3")));
  });
  final DatabricksTableCatalog catalog = new DatabricksTableCatalog(executor, "main", List.of("serving"));

  @Test
  void should_read_tables_columns_and_samples_from_information_schema() {
    assertThat(catalog.listTables()).containsExactly(new TableInfo("serving", "potenciainstalada", "Potencia"));

    TableDescription d = catalog.describe("potenciainstalada").orElseThrow();

    assertThat(d.columns()).extracting(ColumnInfo::name).containsExactly("central", "_source_row");
    assertThat(d.columns().get(0).type()).isEqualTo("STRING");
    assertThat(d.columns().get(0).samples()).containsExactly("ABRO", "ACAJ");
    assertThat(executor.executed).anyMatch(s -> s.startsWith("SELECT * FROM `main`.`serving`.`potenciainstalada` LIMIT 5"));
  }

  @Test
  void should_skip_sample_query_when_only_an_outline_is_needed() {
    catalog.outline("serving.potenciainstalada").orElseThrow();

    assertThat(executor.executed).noneMatch(s -> s.startsWith("SELECT * FROM"));
  }

  @Test
  void should_find_nothing_when_table_is_unknown_or_schema_not_allowed() {
    assertThat(catalog.describe("serving.no_existe")).isEmpty();
    assertThat(catalog.describe("raw.potenciainstalada")).isEmpty();
    assertThat(catalog.describe("x'; DROP TABLE y; --")).isEmpty();
  }

  @Test
  void should_throw_catalog_exception_when_warehouse_fails() {
    DatabricksTableCatalog failing = new DatabricksTableCatalog(new RecordingExecutor(sql -> {
      throw new SqlExecutionException(SqlExecutionException.Kind.UNAVAILABLE, "HTTP 503");
    }), "main", List.of("serving"));

    assertThatThrownBy(failing::listTables).isInstanceOf(CatalogException.class).hasMessageContaining("HTTP 503");
  }
}
