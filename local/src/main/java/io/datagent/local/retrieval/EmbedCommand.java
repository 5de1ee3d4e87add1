package io.datagent.local.retrieval;

import io.datagent.embedding.EmbedJob;
import io.datagent.embedding.EmbedReport;
import io.datagent.local.Command;
import io.datagent.local.LocalRuntime;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./agent embed}: runs {@link EmbedJob} on the workspace with the local ONNX model: builds
 * {@code serving.documents} from the serving tables and the uploads Volume, embeds what is new or changed and
 * updates {@code serving.document_embeddings} in one commit. EmbedJob parameters pass through (e.g.
 * {@code --rebuild}, {@code --batch-size 64}).
 */
public final class EmbedCommand implements Command {

  @Override
  public String name() {
    return "embed";
  }

  @Override
  public String summary() {
    return "embed [--rebuild]      genera los documentos de búsqueda y sus embeddings (solo lo nuevo o cambiado)";
  }

  @Override
  public int run(List<String> args, LocalRuntime rt) {
    List<String> jobArgs = new ArrayList<>(args);
    if (!jobArgs.contains("--uploads")) {
      jobArgs.add("--uploads");
      jobArgs.add(rt.workspace().create().uploads().toString());
    }
    EmbedReport report = EmbedJob.run(rt.spark(), EmbedJob.config(rt.env().asMap(), jobArgs.toArray(String[]::new)));
    return report.documents() >= 0 ? 0 : 1;
  }
}
