package io.datagent.local.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.agent.catalog.ColumnInfo;
import io.datagent.agent.catalog.TableDescription;
import io.datagent.agent.catalog.TableInfo;
import io.datagent.local.LocalRuntime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The local catalog port on real Spark: comments as the ingestion wrote them. */
class SparkTableCatalogTest {

  final LocalRuntime rt = LocalAgentFixture.runtime();
  final SparkTableCatalog catalog = new SparkTableCatalog(rt::spark, List.of("serving"));

  @Test
  void should_list_serving_tables_with_their_comments() {
    List<TableInfo> tables = catalog.listTables();

    assertThat(tables).extracting(TableInfo::qualified).contains("serving.cammesa_res", "serving.potenciainstalada",
        "serving.todos_010601a_cuadro_i_5_1a", "serving.notas_centrales");
    assertThat(tables).filteredOn(t -> t.name().equals("todos_010601a_cuadro_i_5_1a")).singleElement()
        .extracting(TableInfo::comment).asString().contains("Gas Entregado");
  }

  @Test
  void should_describe_columns_types_comments_and_samples() {
    TableDescription d = catalog.describe("potenciainstalada").orElseThrow();

    ColumnInfo mw = d.columns().stream().filter(c -> c.name().equals("potencia_instalada_mw")).findFirst().orElseThrow();
    assertThat(mw.type()).isEqualTo("DECIMAL(38,3)");
    assertThat(mw.comment()).isEqualTo("POTENCIA INSTALADA [MW]");
    assertThat(mw.samples()).contains("25.000");
    assertThat(d.hasColumn("_source_row")).isTrue();
    assertThat(catalog.outline("serving.potenciainstalada").orElseThrow().columns()).allMatch(c -> c.samples().isEmpty());
  }

  @Test
  void should_find_nothing_when_table_is_unknown_or_outside_the_schemas() {
    assertThat(catalog.describe("serving.no_existe")).isEmpty();
    assertThat(catalog.describe("raw.potenciainstalada")).isEmpty();
    assertThat(catalog.describe("serving.x; DROP TABLE y")).isEmpty();
  }
}
