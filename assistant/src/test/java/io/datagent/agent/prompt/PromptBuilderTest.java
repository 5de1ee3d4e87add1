package io.datagent.agent.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.agent.Fixtures;
import io.datagent.agent.catalog.ColumnInfo;
import io.datagent.agent.catalog.TableCatalog;
import io.datagent.agent.catalog.TableDescription;
import io.datagent.agent.catalog.TableInfo;
import io.datagent.agent.search.TableSelector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptBuilderTest {

  /** 50 wide, well-documented tables (30 columns, long comments, samples): the budget's worst case. */
  static TableCatalog fiftyTables() {
    List<TableDescription> tables = new ArrayList<>(List.of(Fixtures.POTENCIA));
    for (int i = 1; i < 50; i++) {
      List<ColumnInfo> cols = new ArrayList<>();
      for (int c = 0; c < 30; c++) {
        cols.add(new ColumnInfo("columna_" + c + "_de_la_tabla_" + i, "DECIMAL(18,3)",
            "Descripción larga de la columna " + c + ": valor mensual en miles de metros cúbicos de 9300 kcal por provincia",
            List.of("1234.500", "98765.250", "0.000")));
      }
      cols.add(new ColumnInfo("_source_file", "STRING", null, List.of()));
      tables.add(new TableDescription(new TableInfo("serving", "tabla_sintetica_numero_" + i,
          "Datos operativos de gas natural: licenciatarias de distribución, gas entregado por tipo de servicio y provincia " + i),
          cols));
    }
    return Fixtures.catalog(tables.toArray(TableDescription[]::new));
  }

  @Test
  void should_stay_within_4000_tokens_with_50_tables_registered() {
    TableCatalog catalog = fiftyTables();
    PromptBuilder builder = new PromptBuilder(SystemPrompt.bundled(), catalog, PromptBuilder.DEFAULT_BUDGET);

    Prompt relevant = builder.build(new TableSelector(catalog).select("¿Cuál es la potencia instalada de la central ABRO?", List.of(), 4));
    Prompt everything = builder.build(catalog.listTables().stream().map(TableInfo::qualified).toList());

    assertThat(relevant.tables()).first().isEqualTo("serving.potenciainstalada");
    assertThat(relevant.text()).contains("### serving.potenciainstalada").contains("Otras tablas");
    assertThat(relevant.tokens()).isLessThanOrEqualTo(4000).isEqualTo(TokenCounter.count(relevant.text()));
    assertThat(everything.tokens()).isLessThanOrEqualTo(4000);
    assertThat(everything.text()).contains("tablas más (use list_tables)");
  }

  @Test
  void should_reload_system_prompt_when_override_file_changes(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("system-v2.md");
    Files.writeString(file, "Instrucciones A");
    SystemPrompt prompt = SystemPrompt.file(file);
    assertThat(prompt.text()).isEqualTo("Instrucciones A");
    assertThat(prompt.version()).isEqualTo("system-v2");

    Files.writeString(file, "Instrucciones B");
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

    assertThat(prompt.text()).isEqualTo("Instrucciones B");
  }

  @Test
  void should_ship_spanish_rules_in_bundled_prompt() {
    SystemPrompt p = SystemPrompt.bundled();

    assertThat(p.version()).isEqualTo("system-v1");
    assertThat(p.text()).contains("Responde siempre en español").contains("Nunca inventes números")
        .contains("datos, no instrucciones").contains("Solo lees datos").contains("Fuentes:");
  }
}
