package io.datagent.app.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local evaluations: the JSON reports ({@code eval-<yyyyMMdd-HHmmss>.json}, {@code EvalReport.write}) that
 * {@code ./agent eval} and the Monitor page's "Evaluar ahora" leave in one folder. A report that cannot be read is
 * skipped and logged.
 */
public final class ReportFolderHistory implements EvaluationHistory {

  private static final Logger LOG = LoggerFactory.getLogger(ReportFolderHistory.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path folder;

  public ReportFolderHistory(Path folder) {
    this.folder = folder;
  }

  public Path folder() {
    return folder;
  }

  @Override
  public List<EvaluationRun> latest(int limit) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<Path> reports;
    try (Stream<Path> files = Files.list(folder)) {
      reports = files.filter(f -> f.getFileName().toString().matches("eval-.*\\.json"))
          .sorted(Comparator.comparing((Path f) -> f.getFileName().toString()).reversed()).toList();
    } catch (IOException e) {
      LOG.warn("No se pudo listar {}", folder, e);
      return List.of();
    }
    List<EvaluationRun> out = new ArrayList<>();
    for (Path f : reports) {
      if (out.size() >= limit) {
        break;
      }
      try {
        out.add(read(f));
      } catch (IOException | RuntimeException e) {
        LOG.warn("Informe de evaluación ilegible, omitido: {}", f, e);
      }
    }
    return out;
  }

  private static EvaluationRun read(Path f) throws IOException {
    JsonNode report = JSON.readTree(f.toFile());
    List<EvaluationRun.Score> kinds = new ArrayList<>();
    report.path("byKind").forEach(k -> kinds.add(score(k)));
    String version = "ninguna";
    for (JsonNode a : report.path("answers")) {
      if (a.hasNonNull("promptVersion")) {
        version = a.get("promptVersion").asText();
        break;
      }
    }
    String name = f.getFileName().toString().replaceAll("\\.json$", "");
    return new EvaluationRun(name, Files.getLastModifiedTime(f).toInstant(), version, score(report.path("overall")), kinds);
  }

  private static EvaluationRun.Score score(JsonNode row) {
    return new EvaluationRun.Score(row.path("group").asText("total"), row.path("total").asInt(), row.path("exact").asInt());
  }
}
