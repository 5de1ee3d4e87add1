package io.datagent.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.datagent.ingestion.IngestConfig;
import io.datagent.local.LocalRuntime;
import io.datagent.local.Workspace;
import io.datagent.ingestion.api.ApiExtractor;
import io.datagent.ingestion.api.ApiLoader;
import io.datagent.ingestion.api.ApiSource;
import io.datagent.ingestion.api.PageFetcher;
import io.datagent.ingestion.api.SecretLookup;
import io.datagent.ingestion.api.SourceDefinitions;
import io.datagent.ingestion.api.StepTimes;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code ./agent bench api [records] [reps]}: extract + load of an API source against a bare loop in the same run.
 *
 * <p>The loopback server serves pages of 1,000 stations built from the recorded fuel-price response (its one station,
 * with the id and prices varied), with WordPress-style page headers. Baseline: fetch every page with HttpClient,
 * pull the records out with Jackson, write them as raw JSON rows with Spark (one Delta table). Ours: ApiExtractor
 * (pages kept on disk with URL and headers) + ApiLoader (raw table, typed serving table, quarantine, log; each
 * repetition loads a new table, i.e. a source's first run, created rather than MERGEd). Reported per repetition: both
 * wall times and their ratio, both sides' process CPU time and its ratio (the work done, which other processes on a
 * shared machine skew less than wall time), the system load and the load's step breakdown ({@link StepTimes}); the two
 * sides alternate which runs first and each starts after a GC. Each repetition then times a second run of the same
 * source over the same table with one record in ten changed (the scheduled day-to-day case: a MERGE, and the repeat
 * check against the source state). Summary: records/s of each (median over repetitions), the ratio (target ≤ 1.3),
 * the median CPU-time ratio, and the MERGE run's records/s and ratio to the bare loop.
 */
final class ApiBenchmark implements BenchCommand.Benchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PER_PAGE = 1000;

  @Override
  public String name() {
    return "api";
  }

  @Override
  public int run(List<String> args, LocalRuntime rt) throws Exception {
    int records = args.isEmpty() ? 100_000 : Integer.parseInt(args.get(0));
    int reps = args.size() > 1 ? Integer.parseInt(args.get(1)) : 3;
    Path dir = Files.createTempDirectory("datagent-bench-api");
    Workspace ws = new Workspace(dir.resolve("ws")).create();
    LocalRuntime brt = new LocalRuntime(ws, rt.projectRoot());
    SparkSession spark = brt.spark();
    List<byte[]> pages = pages(rt.projectRoot(), records, 0);
    List<byte[]> changed = pages(rt.projectRoot(), records, 1);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      String q = ex.getRequestURI().getQuery();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:^|&)page=(\\d+)").matcher(q);
      int page = m.find() ? Integer.parseInt(m.group(1)) : 1;
      byte[] body = (ex.getRequestURI().getPath().startsWith("/cambiadas") ? changed : pages).get(page - 1);
      ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
      ex.getResponseHeaders().add("X-WP-Total", String.valueOf(records));
      boolean warm = ex.getRequestURI().getPath().startsWith("/warm");
      ex.getResponseHeaders().add("X-WP-TotalPages", String.valueOf(warm ? 2 : pages.size()));
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    });
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2));
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    IngestConfig tables = new IngestConfig(null, "raw", "serving", ws.uploads().toString(), null, "bench", 0, List.of(),
        io.datagent.ingestion.semantic.SemanticConfig.DISABLED);
    double loadBefore = loadAverage();
    try {
      // warm-up: JIT, Spark's first jobs, Delta's first commits
      baseline(spark, base, 2, "bench_api_warm");
      ours(spark, ws, tables, base, "bench_warm", 2, new StepTimes());
      long[] b = new long[reps];
      long[] o = new long[reps];
      double[] ratios = new double[reps];
      double[] cpuRatios = new double[reps];
      long[] m = new long[reps];
      for (int r = 0; r < reps; r++) {
        // Same pages, same JVM, back to back; the order alternates and each side starts after a GC, so neither pays
        // for the other's garbage or always runs on a warmer (or busier) machine.
        StepTimes steps = new StepTimes();
        long[] phases;
        double load = loadAverage();
        long[] cpuBase = new long[1];
        long[] cpuOurs = new long[1];
        if (r % 2 == 0) {
          b[r] = timedBaseline(spark, base, pages.size(), "bench_api_base_" + r, cpuBase);
          phases = timedOurs(spark, ws, tables, base, "bench_r" + r, pages.size(), steps, cpuOurs);
        } else {
          phases = timedOurs(spark, ws, tables, base, "bench_r" + r, pages.size(), steps, cpuOurs);
          b[r] = timedBaseline(spark, base, pages.size(), "bench_api_base_" + r, cpuBase);
        }
        o[r] = phases[0] + phases[1];
        ratios[r] = (double) o[r] / b[r];
        System.out.printf(Locale.ROOT, "  repetición %d (%s primero, carga del sistema %.1f): bucle simple %.2f s, extracción + carga %.2f s"
            + " (extracción %.2f s, carga %.2f s), ratio %.2f%n", r + 1, r % 2 == 0 ? "bucle" : "nuestro", load, b[r] / 1e9, o[r] / 1e9,
            phases[0] / 1e9, phases[1] / 1e9, ratios[r]);
        System.out.printf(Locale.ROOT, "      tiempo de CPU del proceso: bucle simple %.2f s, extracción + carga %.2f s, ratio %.2f%n",
            cpuBase[0] / 1e9, cpuOurs[0] / 1e9, (double) cpuOurs[0] / cpuBase[0]);
        cpuRatios[r] = (double) cpuOurs[0] / cpuBase[0];
        print(steps);
        // The scheduled case: the next day's run over the same table, one record in ten changed (a MERGE, not a create).
        StepTimes mergeSteps = new StepTimes();
        System.gc();
        long[] merge = ours(spark, ws, tables, base, "bench_r" + r, "cambiadas", "bench-2", mergeSteps);
        m[r] = merge[0] + merge[1];
        System.out.printf(Locale.ROOT, "    segunda ejecución (MERGE en la misma tabla, 1 de cada 10 registros cambiado): %.2f s (extracción %.2f s,"
            + " carga %.2f s), ratio frente al bucle simple %.2f%n", m[r] / 1e9, merge[0] / 1e9, merge[1] / 1e9, (double) m[r] / b[r]);
        print(mergeSteps);
      }
      double mb = IngestBenchmark.median(b);
      double mo = IngestBenchmark.median(o);
      double[] sorted = ratios.clone();
      java.util.Arrays.sort(sorted);
      double[] cpuSorted = cpuRatios.clone();
      java.util.Arrays.sort(cpuSorted);
      System.out.printf(Locale.ROOT, "bench api %,d registros: bucle simple %.0f reg/s, extracción + carga %.0f reg/s, ratio %.2f (objetivo ≤ 1.3;"
          + " mediana de los ratios por repetición %.2f; ratio de tiempo de CPU, mediana %.2f) [carga media del sistema al empezar %.2f,"
          + " al terminar %.2f]%n",
          records, records / (mb / 1e9), records / (mo / 1e9), mo / mb, sorted[sorted.length / 2], cpuSorted[cpuSorted.length / 2],
          loadBefore, loadAverage());
      System.out.printf(Locale.ROOT, "bench api %,d registros, segunda ejecución (MERGE): %.0f reg/s, ratio frente al bucle simple %.2f%n",
          records, records / (IngestBenchmark.median(m) / 1e9), IngestBenchmark.median(m) / mb);
    } finally {
      server.stop(0);
      brt.close();
    }
    return 0;
  }

  private static void print(StepTimes steps) {
    Map<String, Long> cpu = steps.cpuNanos();
    steps.nanos().forEach((step, ns) -> System.out.printf(Locale.ROOT, "      carga · %-52s %6.2f s%s%n", step, ns / 1e9,
        cpu.containsKey(step) ? String.format(Locale.ROOT, " (CPU %.2f s)", cpu.get(step) / 1e9) : ""));
  }

  /** The 1-minute load average (other processes on the machine skew both loops; the ratio less so). */
  static double loadAverage() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /**
   * Pages of the recorded station with ids 1..records; {@code variant} 1 changes the price of one station in ten (what a
   * day's update of the fuel service looks like to the MERGE run).
   */
  static List<byte[]> pages(Path root, int records, int variant) throws Exception {
    Path recorded = root.resolve("tests/src/test/resources/api/carburantes-filtromunicipio-52.json");
    JsonNode body = JSON.readTree(Files.readString(recorded));
    ObjectNode station = (ObjectNode) body.get("ListaEESSPrecio").get(0);
    List<byte[]> out = new ArrayList<>();
    for (int from = 1; from <= records; from += PER_PAGE) {
      ObjectNode page = ((ObjectNode) body.deepCopy());
      ArrayNode list = page.putArray("ListaEESSPrecio");
      for (int id = from; id < Math.min(from + PER_PAGE, records + 1); id++) {
        ObjectNode s = station.deepCopy();
        s.put("IDEESS", String.valueOf(id));
        int cents = 200 + id % 300 + (variant == 1 && id % 10 == 0 ? 7 : 0);
        s.put("Precio Gasoleo A", String.format(Locale.ROOT, "1,%03d", cents));
        list.add(s);
      }
      out.add(page.toString().getBytes(StandardCharsets.UTF_8));
    }
    return out;
  }

  private static long timedBaseline(SparkSession spark, String base, int pages, String table, long[] cpu) throws Exception {
    System.gc();
    long c0 = StepTimes.processCpuNanos();
    long wall = baseline(spark, base, pages, table);
    cpu[0] = StepTimes.processCpuNanos() - c0;
    return wall;
  }

  private static long[] timedOurs(SparkSession spark, Workspace ws, IngestConfig tables, String base, String name, int pages,
      StepTimes steps, long[] cpu) {
    System.gc();
    long c0 = StepTimes.processCpuNanos();
    long[] phases = ours(spark, ws, tables, base, name, pages, steps);
    cpu[0] = StepTimes.processCpuNanos() - c0;
    return phases;
  }

  static long baseline(SparkSession spark, String base, int pages, String table) throws Exception {
    long t0 = System.nanoTime();
    HttpClient http = HttpClient.newHttpClient();
    List<Row> rows = new ArrayList<>();
    for (int p = 1; p <= pages; p++) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/estaciones?page=" + p + "&per_page=" + PER_PAGE)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      for (JsonNode rec : JSON.readTree(r.body()).get("ListaEESSPrecio")) {
        rows.add(RowFactory.create(rec.toString(), p));
      }
    }
    StructType schema = new StructType().add("record", DataTypes.StringType).add("_page", DataTypes.IntegerType);
    spark.createDataFrame(rows, schema).coalesce(1).write().format("delta").mode("overwrite").saveAsTable("raw." + table);
    return System.nanoTime() - t0;
  }

  /** Nanoseconds of the extraction and of the load. */
  static long[] ours(SparkSession spark, Workspace ws, IngestConfig tables, String base, String name, int pages, StepTimes steps) {
    return ours(spark, ws, tables, base, name, name.contains("warm") ? "warm" : "estaciones", "bench", steps);
  }

  /** One extract + load run of source {@code name} over {@code path}, as run {@code run}. */
  static long[] ours(SparkSession spark, Workspace ws, IngestConfig tables, String base, String name, String path, String run, StepTimes steps) {
    long t0 = System.nanoTime();
    ApiSource s = SourceDefinitions.parse(name + ".yml", "source: " + name + "\nbase_url: " + base + "\nendpoints:\n"
        + "  - path: /" + path + "\n    table: " + name + "\n    records: ListaEESSPrecio\n    id: IDEESS\n"
        + "    pagination:\n      type: page\n      per_page: " + PER_PAGE + "\n");
    new ApiExtractor(s, PageFetcher.standard(s, SecretLookup.DISABLED), m -> { }).run(ws.uploads(), run);
    long t1 = System.nanoTime();
    new ApiLoader(spark, tables, m -> { }, steps).load(s, ws.uploads(), run);
    return new long[] {t1 - t0, System.nanoTime() - t1};
  }
}
