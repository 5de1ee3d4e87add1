package io.datagent.local.eval;

import com.databricks.sdk.core.ApiClient;
import io.datagent.agent.AgentConfig;
import io.datagent.app.prompts.AgentPrompts;
import io.datagent.app.prompts.PromptAliasLog;
import io.datagent.app.state.StateDatabase;
import io.datagent.evaluation.BenchmarkFile;
import io.datagent.evaluation.judge.Judges;
import io.datagent.ingestion.IngestReport;
import io.datagent.ingestion.semantic.SemanticConfig;
import io.datagent.local.IngestCommand;
import io.datagent.local.LocalRuntime;
import io.datagent.local.app.LocalPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** What {@code ./agent eval} and {@code ./agent bench answers} share: the benchmark file and the sample tables. */
public final class EvalSetup {

  /** The serving tables {@code ./agent ingest} makes of the three energy samples. */
  public static final List<String> SAMPLE_TABLES = List.of("cammesa_res", "potenciainstalada", "todos_010601a_cuadro_i_5_1a");

  private EvalSetup() {}

  /** {@code --benchmark FILE} from the arguments (removed from them), else the repository's energy benchmark. */
  public static Path benchmark(List<String> args, LocalRuntime rt) {
    int at = args.indexOf("--benchmark");
    if (at >= 0) {
      if (at + 1 >= args.size()) {
        throw new IllegalArgumentException("--benchmark necesita un archivo JSONL");
      }
      Path p = Path.of(args.get(at + 1));
      args.remove(at + 1);
      args.remove(at);
      return p;
    }
    return rt.projectRoot().resolve(BenchmarkFile.DEFAULT);
  }

  /** The checkout's commit ({@code git rev-parse --short HEAD}), or {@code desconocido}. */
  public static String commit(LocalRuntime rt) {
    try {
      Process p = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").directory(rt.projectRoot().toFile())
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return p.waitFor() == 0 && out.matches("[0-9a-f]{4,40}") ? out : "desconocido";
    } catch (IOException e) {
      return "desconocido";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "desconocido";
    }
  }

  /**
   * The version of the tables' semantic models: the first 12 hex digits of the SHA-256 of every model file under the
   * uploads Volume's {@code _semantica/} (names and contents, in name order), or {@code ninguno}.
   */
  public static String semanticVersion(LocalRuntime rt) throws IOException {
    Path dir = rt.workspace().uploads().resolve(SemanticConfig.FOLDER);
    if (!Files.isDirectory(dir)) {
      return "ninguno";
    }
    try (var files = Files.walk(dir)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        sha.update(dir.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
        sha.update(Files.readAllBytes(f));
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The value of {@code --name VALUE} (both removed from the arguments), or null. */
  public static String option(List<String> args, String name) {
    int at = args.indexOf(name);
    if (at < 0) {
      return null;
    }
    if (at + 1 >= args.size()) {
      throw new IllegalArgumentException(name + " necesita un valor");
    }
    String v = args.remove(at + 1);
    args.remove(at);
    return v;
  }

  public static List<String> mutable(List<String> args) {
    return new ArrayList<>(args);
  }

  /**
   * The LLM judges of {@code ./agent eval}: none without a model or with DATAGENT_JUDGES=off; else their prompts
   * from the workspace's prompt registry (the local App's PostgreSQL, started only to read or seed them), beside the
   * agent's prompt name, on the agent's model or DATAGENT_JUDGE_MODEL.
   */
  public static Judges judges(LocalRuntime rt, Map<String, String> env,
      AgentConfig config) throws IOException {
    if (config.llm() == null || "off".equals(env.get("DATAGENT_JUDGES"))) {
      return Judges.DISABLED;
    }
    try {
      return registryJudges(rt, env, config);
    } catch (RuntimeException e) { // the state database is held by a running App, or fails: the bundled judge prompts
      System.out.println("Jueces LLM: el registro de prompts no está disponible (" + e.getMessage() + "); se usan los "
          + "prompts de juez incluidos en el paquete");
      return Judges.of(config.llm(), env.get("DATAGENT_JUDGE_MODEL"), null, null, null);
    }
  }

  private static Judges registryJudges(LocalRuntime rt, Map<String, String> env,
      AgentConfig config) throws IOException {
    try (LocalPostgres pg = LocalPostgres.inWorkspace(rt.workspace().create().state())) {
      DataSource state = pg.start();
      new StateDatabase(state).migrate();
      AgentPrompts.Config prompts = AgentPrompts.Config.fromEnv(env, "local",
          config.sqlPolicy().defaultSchema());
      AgentPrompts app = AgentPrompts.of(prompts, state,
          ApiClient::new, Clock.systemUTC());
      return Judges.of(config.llm(), env.get("DATAGENT_JUDGE_MODEL"), app.registry(),
          prompts.name(), new PromptAliasLog(state));
    }
  }

  /** Loads the sample files when the workspace lacks any of their tables (as {@code ./agent demo} does). */
  public static void ensureSamples(LocalRuntime rt) throws IOException {
    Path serving = rt.workspace().tables().resolve("serving");
    boolean missing = SAMPLE_TABLES.stream().anyMatch(t -> !Files.isDirectory(serving.resolve(t).resolve("_delta_log")));
    if (missing) {
      System.out.println("Cargando los archivos de ejemplo de " + rt.samples() + "…");
      IngestReport report = IngestCommand.ingest(rt, rt.samples(), List.of());
      if (report.anyFailed()) {
        throw new IllegalStateException("no se cargaron los ejemplos: " + report.summary());
      }
    }
  }
}
