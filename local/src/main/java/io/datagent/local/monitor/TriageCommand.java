package io.datagent.local.monitor;

import io.datagent.jobmonitor.classify.ErrorCatalog;
import io.datagent.jobmonitor.config.Classifiers;
import io.datagent.jobmonitor.config.MonitorConfig;
import io.datagent.jobmonitor.config.MonitorConfigLoader;
import io.datagent.jobmonitor.triage.TriageStream;
import io.datagent.local.Command;
import io.datagent.local.LocalRuntime;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./agent triage [--job NOMBRE] [--config RUTA]}: reads failure texts on standard input (one text, or JSON
 * Lines with a {@code text} field) and prints one JSON line per text with category, action, confidence and
 * evidence. Rules only (no LLM), so the answer is the same every time.
 */
public final class TriageCommand implements Command {

  @Override
  public String name() {
    return "triage";
  }

  @Override
  public String summary() {
    return "triage [--job J]      clasifica textos de error de la entrada estándar (texto o JSON Lines con \"text\")";
  }

  @Override
  public int run(List<String> args, LocalRuntime rt) throws Exception {
    List<String> rest = new ArrayList<>(args);
    String job = take(rest, "--job");
    String config = take(rest, "--config");
    if (!rest.isEmpty()) {
      throw new IllegalArgumentException("triage: argumento inesperado " + rest.get(0)
          + ". Uso: ./agent triage [--job NOMBRE] [--config RUTA] < errores.txt");
    }
    MonitorConfig cfg = config != null ? MonitorConfigLoader.load(rt.env().asMap(), Path.of(config))
        : MonitorConfigLoader.load(rt.env().asMap());
    // The chat model, when one is configured (OPENAI_BASE_URL or DATAGENT_LLM_ENDPOINT), only for what the rules leave
    // unknown or uncertain.
    var llm = io.datagent.jobmonitor.classify.MonitorLlmConfig.fromEnv(rt.env().asMap());
    var model = io.datagent.jobmonitor.classify.MonitorChatModels.create(llm, null);
    TriageStream stream = new TriageStream(Classifiers.create(cfg, ErrorCatalog.load(), model, llm.budget()), cfg.policies());
    if (io.datagent.jobmonitor.classify.MonitorChatModels.enabled(model)) {
      System.err.println("triage: los casos dudosos se consultan al modelo en "
          + io.datagent.jobmonitor.classify.MonitorChatModels.describe(model));
    }
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
    int n = stream.run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out, job);
    out.flush();
    System.err.println("triage: " + n + " texto(s) clasificado(s)");
    return 0;
  }

  private static String take(List<String> args, String name) {
    int at = args.indexOf(name);
    if (at < 0) {
      return null;
    }
    if (at + 1 >= args.size()) {
      throw new IllegalArgumentException("triage: " + name + " necesita un valor");
    }
    String v = args.get(at + 1);
    args.remove(at + 1);
    args.remove(at);
    return v;
  }
}
