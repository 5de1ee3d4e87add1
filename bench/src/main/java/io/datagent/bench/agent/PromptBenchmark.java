package io.datagent.bench.agent;

import io.datagent.agent.AgentConfig;
import io.datagent.agent.catalog.CachedTableCatalog;
import io.datagent.agent.llm.CompilerTool;
import io.datagent.agent.prompt.CardSource;
import io.datagent.agent.semantic.CompiledQuestions;
import io.datagent.agent.semantic.SemanticModelSource;
import io.datagent.agent.semantic.TableModels;
import io.datagent.agent.sql.SqlGuard;
import io.datagent.local.agent.LocalAgents;
import io.datagent.agent.catalog.SchemaCards;
import io.datagent.agent.catalog.TableCatalog;
import io.datagent.agent.catalog.TableInfo;
import io.datagent.agent.prompt.Prompt;
import io.datagent.agent.prompt.PromptBuilder;
import io.datagent.agent.prompt.SystemPrompt;
import io.datagent.agent.prompt.TokenCounter;
import io.datagent.agent.search.TableSelector;
import io.datagent.local.LocalRuntime;
import io.datagent.local.Workspace;
import io.datagent.local.agent.SparkTableCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * {@code ./agent bench prompt}: the system message's size in tokens (cl100k_base) with 50 documented tables
 * registered in a scratch workspace, for several questions: only the relevant tables' schema cards go in, so it
 * stays within the 4,000-token budget, both with bare column cards and with the LLM agent's semantic cards (each
 * table's model profiled on Spark) plus the compiler tool's instructions. The baseline is the same prompt with every table's card (no selection).
 */
public final class PromptBenchmark {

  static final int TABLES = 50;
  static final int BUDGET = 4000;
  static final List<String> QUESTIONS = List.of(
      "¿Cuál es la potencia instalada de la central ABRO?",
      "¿Cuánto gas se entregó en Córdoba en 2019?",
      "Demanda eléctrica máxima de enero de 2024 en GBA",
      "¿Qué exportaciones de cereales hubo por puerto en 2021?",
      "Precio promedio del gasoil por provincia",
      "¿Cuántos usuarios residenciales de gas tiene Neuquén?");

  private PromptBenchmark() {}

  public static int run(List<String> args, LocalRuntime rt) throws Exception {
    int tables = args.isEmpty() ? TABLES : Integer.parseInt(args.get(0));
    Path dir = Files.createTempDirectory("datagent-bench-prompt");
    LocalRuntime brt = rt.in(new Workspace(dir).create());
    try {
      SparkSession spark = brt.spark();
      long t0 = System.nanoTime();
      SyntheticTables.create(spark, tables);
      System.out.printf("Creadas %d tablas documentadas en %s (%.1f s)%n", tables, dir, (System.nanoTime() - t0) / 1e9);
      TableCatalog catalog = new CachedTableCatalog(new SparkTableCatalog(brt::spark, List.of("serving")), Duration.ofHours(1));
      PromptBuilder builder = new PromptBuilder(SystemPrompt.bundled(), catalog, BUDGET);
      // what the LLM agent sends: semantic cards of each table's model (profiled once, then cached) and the
      // compiler tool's instructions
      TableModels models = new TableModels(catalog, new SqlGuard(AgentConfig.defaults().sqlPolicy()),
          LocalAgents.executor(brt), Duration.ofSeconds(120), SemanticModelSource.NONE, Duration.ofHours(1));
      CompilerTool compiler = new CompilerTool(new CompiledQuestions(catalog, models));
      PromptBuilder grounded = new PromptBuilder(SystemPrompt.bundled(), catalog, BUDGET, CardSource.semantic(models::model),
          compiler.instructions());
      int[] sizes = new int[QUESTIONS.size() * 2];
      for (int i = 0; i < QUESTIONS.size(); i++) {
        List<String> relevant = new TableSelector(catalog).select(QUESTIONS.get(i), List.of(), 4);
        long q0 = System.nanoTime();
        Prompt p = builder.build(relevant);
        sizes[2 * i] = p.tokens();
        System.out.printf("  %-55s %5d tokens, fichas: %s (%.0f ms)%n", QUESTIONS.get(i), p.tokens(), p.tables(),
            (System.nanoTime() - q0) / 1e6);
        q0 = System.nanoTime();
        Prompt g = grounded.build(relevant);
        sizes[2 * i + 1] = g.tokens();
        long semantic = g.text().lines().filter(l -> l.equals("Medidas:") || l.equals("Dimensiones:")).count();
        System.out.printf("  %-55s %5d tokens con modelo semántico (%d secciones semánticas), fichas: %s (%.0f ms)%n", "",
            g.tokens(), semantic, g.tables(), (System.nanoTime() - q0) / 1e6);
      }
      int everything = TokenCounter.count(SystemPrompt.bundled().text());
      List<TableInfo> all = catalog.listTables();
      for (TableInfo t : all) {
        everything += TokenCounter.count(SchemaCards.card(catalog.describe(t.qualified()).orElseThrow()));
      }
      int max = Arrays.stream(sizes).max().orElse(0);
      int[] sorted = sizes.clone();
      Arrays.sort(sorted);
      System.out.printf("bench prompt: %d tablas registradas; prompt de sistema máx. %d tokens, mediana %d (objetivo ≤ %d); "
          + "con las %d fichas completas serían %d tokens (%.1f×)%n", all.size(), max, sorted[sorted.length / 2], BUDGET,
          all.size(), everything, everything / (double) max);
      return max <= BUDGET ? 0 : 1;
    } finally {
      brt.close();
      deleteQuietly(dir);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var walk = Files.walk(dir)) {
      List<Path> paths = new ArrayList<>(walk.toList());
      java.util.Collections.reverse(paths);
      for (Path p : paths) {
        Files.deleteIfExists(p);
      }
    } catch (Exception e) {
      System.err.println("No se pudo borrar " + dir + ": " + e.getMessage());
    }
  }
}
