package io.datagent.e2e;

import io.datagent.ingestion.IngestJob;
import io.datagent.ingestion.IngestReport;
import io.datagent.local.LocalRuntime;
import io.datagent.local.Workspace;
import io.datagent.local.app.LocalApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The local App as {@code ./agent demo} leaves it: a fresh workspace with the sample files ingested, the App on a
 * free port (embedded PostgreSQL, Spark local), no language model.
 */
final class LocalAppFixture implements AutoCloseable {

  final LocalRuntime runtime;
  final LocalApp app;
  final Path root;

  LocalAppFixture() throws IOException {
    this(Path.of(System.getProperty("datagent.shared", "../../shared"), "samples", "energia"));
  }

  /** The App with every file of {@code samples} ingested (the held-out benchmark passes its own files). */
  LocalAppFixture(Path samples) throws IOException {
    root = Files.createTempDirectory("datagent-e2e-");
    runtime = new LocalRuntime(new Workspace(root.resolve("ws")).create(), Path.of(".").toAbsolutePath());
    List<String> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(samples)) {
      for (Path p : (Iterable<Path>) s.filter(x -> Files.isRegularFile(x) && !x.toString().endsWith(".md")).sorted()::iterator) {
        Files.copy(p, runtime.workspace().uploads().resolve(p.getFileName()));
        files.add(p.getFileName().toString());
      }
    }
    IngestReport report = IngestJob.run(runtime.spark(), IngestJob.config("--source", runtime.workspace().uploads().toString(),
        "--files", String.join(",", files)));
    if (report.anyFailed()) {
      throw new IllegalStateException("no se cargaron los archivos de " + samples + ": " + report.summary());
    }
    Map<String, String> env = new HashMap<>(System.getenv());
    env.keySet().removeIf(k -> k.equals("OPENAI_BASE_URL") || k.equals("DATAGENT_LLM_ENDPOINT"));
    app = LocalApp.start(runtime, new LocalApp.Options("127.0.0.1", 0, "analista@datagent.local", 50_000_000L), env);
    app.warm(runtime).join();
  }

  private static LocalAppFixture shared;

  /**
   * One fixture for every test class of this JVM (starting it costs Spark, PostgreSQL and an ingestion of the
   * samples); closed when the JVM exits.
   */
  static synchronized LocalAppFixture shared() throws IOException {
    if (shared == null) {
      LocalAppFixture f = new LocalAppFixture();
      Runtime.getRuntime().addShutdownHook(new Thread(f::close, "datagent-e2e-fixture-close"));
      shared = f;
    }
    return shared;
  }

  String url(String path) {
    return app.url() + (path.startsWith("/") ? path.substring(1) : path);
  }

  @Override
  public void close() {
    app.close();
    runtime.close();
  }
}
