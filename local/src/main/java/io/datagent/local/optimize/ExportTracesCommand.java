package io.datagent.local.optimize;

import io.datagent.app.curation.TraceExport;
import io.datagent.app.state.StateDatabase;
import io.datagent.local.Command;
import io.datagent.local.LocalRuntime;
import io.datagent.local.app.LocalPostgres;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * {@code ./agent export-traces [--since 2026-12-01T00:00:00Z] [--out F]}: the rated traces of the workspace's App as
 * JSON Lines ({@link TraceExport}), to a file or standard output.
 */
public final class ExportTracesCommand implements Command {

  @Override
  public String name() {
    return "export-traces";
  }

  @Override
  public String summary() {
    return "export-traces [--out F] exporta las trazas valoradas (JSONL) para curar datos de ajuste";
  }

  @Override
  public int run(List<String> args, LocalRuntime rt) throws Exception {
    Instant since = Instant.EPOCH;
    Path out = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if ((a.equals("--since") || a.equals("--out")) && i + 1 < args.size()) {
        if (a.equals("--since")) {
          since = Instant.parse(args.get(++i));
        } else {
          out = Path.of(args.get(++i));
        }
      } else {
        System.err.println("Uso: ./agent export-traces [--since FECHA-ISO] [--out ARCHIVO.jsonl]");
        return 2;
      }
    }
    try (LocalPostgres pg = LocalPostgres.inWorkspace(rt.workspace().create().state())) {
      var state = pg.start();
      new StateDatabase(state).migrate();
      TraceExport export = new TraceExport(state);
      int n;
      if (out == null) {
        Writer w = new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8);
        n = export.write(w, since);
        w.flush();
      } else {
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
          n = export.write(w, since);
        }
      }
      System.err.println(n + " trazas valoradas exportadas" + (out == null ? "" : " a " + out));
      return 0;
    }
  }
}
