package io.datagent.local;

import io.datagent.ingestion.IngestReport;
import java.nio.file.Files;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * {@code ./agent demo}: loads the bundled sample files and one REST API source (a replayed recording,
 * {@link io.datagent.local.demo.DemoApiSource}) into the workspace, shows what landed, and hands over to the
 * long-running part of the product (the App, when the {@code serve} command is present).
 */
final class DemoCommand implements Command {

  private final AgentCli cli;

  DemoCommand(AgentCli cli) {
    this.cli = cli;
  }

  @Override
  public String name() {
    return "demo";
  }

  @Override
  public String summary() {
    return "demo                  carga los archivos de ejemplo y deja el producto en marcha";
  }

  @Override
  public int run(List<String> args, LocalRuntime rt) throws Exception {
    if (!Files.isDirectory(rt.samples())) {
      System.err.println("No encuentro los archivos de ejemplo en " + rt.samples()
          + " (se esperan en ../shared/samples/energia junto al proyecto, o en DATAGENT_SAMPLES)");
      return 2;
    }
    System.out.println("Demo: cargando los archivos de ejemplo de " + rt.samples());
    IngestReport report = IngestCommand.ingest(rt, rt.samples(), List.of());
    System.out.println();
    // One REST API source too, from a loopback replay of a recorded real response (the fuel-price service).
    long t0 = System.nanoTime();
    io.datagent.local.demo.DemoApiSource.Result api = io.datagent.local.demo.DemoApiSource.load(rt, System.out::println);
    System.out.printf("%s (%.1f s)%n%n", api.summary(), (System.nanoTime() - t0) / 1e9);
    System.out.println("Tablas en " + rt.workspace().root() + ":");
    for (Row r : rt.spark().sql("SHOW TABLES IN serving").collectAsList()) {
      String t = r.getString(1);
      long n = rt.spark().table("serving." + t).count();
      System.out.printf("  serving.%-40s %,8d filas%n", t, n);
    }
    System.out.println();
    System.out.println("Para consultar los datos:");
    System.out.println("  ./agent sql \"SELECT * FROM serving.cammesa_res LIMIT 5\"");
    System.out.println("  ./agent sql \"SELECT file, status, rows_loaded, message FROM raw._ingestion_log\"");
    if (api.note() == null) {
      System.out.println("  ./agent sql \"SELECT * FROM serving." + api.tables().get(0) + "\"   (fuente API " + api.source()
          + "; en la página Datos, sección Fuentes API)");
    }
    if (report.anyFailed()) {
      return 1;
    }
    Command embed = cli.command("embed");
    if (embed != null) {
      System.out.println();
      int rc = embed.run(List.of(), rt);
      if (rc != 0) {
        return rc;
      }
    }
    Command serve = cli.command("serve");
    if (serve != null) {
      return serve.run(args, rt);
    }
    return 0;
  }
}
