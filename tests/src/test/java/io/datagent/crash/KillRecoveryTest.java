package io.datagent.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the real {@code ./agent ingest} (the same main class, in a child JVM) at several points of a table's
 * first write must never brick the workspace: the next command attaches it, a re-run of the ingestion loads every
 * table completely (no lost, no duplicated rows), the uploaded files are kept, and {@code ./agent sql} answers.
 *
 * <p>Kill points, each on its own table (a copy of a sample file), all in one workspace so every later run is also
 * the proof that the earlier kill left it usable:
 * <ol>
 *   <li>{@code inicio}: the first progress line (file staged in the uploads folder, nothing written yet);</li>
 *   <li>{@code raw}: the first data file of the raw table appears (raw first write in progress, no commit);</li>
 *   <li>{@code serving}: the serving table's folder appears (raw committed, serving first write in progress);</li>
 *   <li>{@code log}: the "✓" line (both tables committed, the ingestion log not yet written).</li>
 * </ol>
 * The monitor's run records of the killed runs end FAILED (closed by the next run), none stays RUNNING.
 * Budget: 6 JVMs (4 killed, the re-run, the SQL check), about a minute and a half on 2 cores.
 */
class KillRecoveryTest {

  static final Path SAMPLE = Path.of(System.getProperty("datagent.shared", "../../shared"), "samples", "energia",
      "Cammesa_res.csv");

  record KillPoint(String table, Predicate<Probe> reached) {}

  /** What a running child shows: its output lines so far and the workspace it writes. */
  record Probe(List<String> lines, Path ws, String table) {
    boolean line(String prefix) {
      return lines.stream().anyMatch(l -> l.strip().startsWith(prefix));
    }

    boolean parquetIn(String schema) {
      Path dir = ws.resolve("tables").resolve(schema).resolve(table);
      if (!Files.isDirectory(dir)) {
        return false;
      }
      try (Stream<Path> s = Files.list(dir)) {
        return s.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
      } catch (IOException e) {
        return false;
      }
    }
  }

  @Test
  void should_leave_a_usable_workspace_after_kill_9_at_every_point_of_a_first_write() throws Exception {
    assertThat(SAMPLE).as("sample file (property datagent.shared)").isRegularFile();
    long t0 = System.nanoTime();
    Path root = Files.createTempDirectory("datagent-kill-");
    Path ws = root.resolve("ws");
    Path inbox = Files.createDirectories(root.resolve("entrada"));

    List<KillPoint> points = List.of(
        new KillPoint("k1_inicio", p -> p.line("Ingesta ")),
        new KillPoint("k2_raw", p -> p.parquetIn("raw")),
        new KillPoint("k3_serving", p -> Files.isDirectory(p.ws().resolve("tables/serving").resolve(p.table()))),
        new KillPoint("k4_log", p -> p.line("✓")));

    List<String> timings = new ArrayList<>();
    for (KillPoint k : points) {
      Path file = inbox.resolve(k.table() + ".csv");
      Files.copy(SAMPLE, file);
      long s = System.nanoTime();
      Child child = Child.start(root, ws, "ingest", "--source", file.toString());
      boolean killed = child.killWhen(p -> k.reached().test(new Probe(p, ws, k.table())), 120);
      timings.add(k.table() + " " + (System.nanoTime() - s) / 1_000_000 + " ms");
      assertThat(killed).as("kill point %s reached before the run ended; output:%n%s", k.table(), child.output()).isTrue();
    }
    // a table never killed, as the reference of a complete load
    Files.copy(SAMPLE, inbox.resolve("k0_referencia.csv"));

    // 1. the re-run of the whole folder ends well
    long s = System.nanoTime();
    Child rerun = Child.start(root, ws, "ingest", "--source", inbox.toString());
    int code = rerun.waitFor(240);
    timings.add("re-run " + (System.nanoTime() - s) / 1_000_000 + " ms");
    assertThat(code).as("re-run after the kills; output:%n%s", rerun.output()).isZero();

    // 2. ./agent sql answers, and every table has the reference's rows exactly once
    String union = Stream.concat(Stream.of("k0_referencia"), points.stream().map(KillPoint::table))
        .flatMap(t -> Stream.of("raw", "serving").map(schema -> "SELECT '" + schema + "." + t + "' AS t, count(*) AS n, "
            + "count(DISTINCT _source_file, _source_row) AS d FROM " + schema + "." + t))
        .collect(Collectors.joining(" UNION ALL ")) + " UNION ALL SELECT 'log.ok', count(DISTINCT file), 0 FROM "
        + "raw._ingestion_log WHERE status IN ('LOADED', 'PARTIAL')";
    s = System.nanoTime();
    Child sql = Child.start(root, ws, "sql", union);
    code = sql.waitFor(180);
    timings.add("sql " + (System.nanoTime() - s) / 1_000_000 + " ms");
    assertThat(code).as("./agent sql after the kills; output:%n%s", sql.output()).isZero();
    Map<String, long[]> counts = sql.lines().stream().filter(l -> l.matches("[a-z._0-9]+,\\d+,\\d+"))
        .collect(Collectors.toMap(l -> l.split(",")[0], l -> new long[] {Long.parseLong(l.split(",")[1]),
            Long.parseLong(l.split(",")[2])}));
    long reference = counts.get("serving.k0_referencia")[0];
    assertThat(reference).isGreaterThan(1000);
    for (KillPoint k : points) {
      for (String schema : List.of("raw", "serving")) {
        long[] c = counts.get(schema + "." + k.table());
        assertThat(c).as("%s.%s in %s", schema, k.table(), sql.output()).isNotNull();
        long expected = counts.get(schema + ".k0_referencia")[0];
        assertThat(c[0]).as("rows of %s.%s", schema, k.table()).isEqualTo(expected);
        assertThat(c[1]).as("distinct rows of %s.%s (no duplicates)", schema, k.table()).isEqualTo(c[0]);
      }
      // the uploaded file is kept in the uploads folder and in the archive
      assertThat(ws.resolve("volumes/uploads").resolve(k.table() + ".csv")).hasSameBinaryContentAs(SAMPLE);
    }
    assertThat(counts.get("log.ok")[0]).as("files in the ingestion log").isEqualTo(points.size() + 1);
    try (Stream<Path> archived = Files.walk(ws.resolve("volumes/archive"))) {
      assertThat(archived.filter(p -> p.getFileName().toString().startsWith("k")).count()).isGreaterThanOrEqualTo(1);
    }
    // the monitor's records: the killed runs were closed as FAILED by the next run, none stays RUNNING forever
    List<String> runs = new ArrayList<>();
    try (Stream<Path> files = Files.walk(ws.resolve("state/runs"))) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.getFileName().toString().equals("run.json"))::iterator) {
        runs.add(Files.readString(f));
      }
    }
    assertThat(runs).hasSize(points.size() + 1).noneMatch(r -> r.contains("\"RUNNING\""));
    assertThat(runs.stream().filter(r -> r.contains("terminó sin cerrarla")).count()).isEqualTo(points.size());
    System.out.println("KillRecoveryTest: " + points.size() + " puntos de corte, " + String.join(", ", timings)
        + "; total " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    deleteTree(root); // kept for a look when an assertion failed above
  }

  static void deleteTree(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : (Iterable<Path>) all.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** A child JVM running {@code io.datagent.local.AgentCli} (what {@code ./agent} runs) on the test's classpath. */
  static final class Child {
    final Process process;
    final List<String> lines = new CopyOnWriteArrayList<>();
    final Path stderr;
    final Thread reader;

    private Child(Process process, Path stderr) {
      this.process = process;
      this.stderr = stderr;
      this.reader = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String l; (l = r.readLine()) != null; ) {
            lines.add(l);
          }
        } catch (IOException e) {
          // the process was killed
        }
      }, "kill-test-stdout");
      reader.setDaemon(true);
      reader.start();
    }

    static Child start(Path root, Path ws, String... args) throws IOException {
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
        if (a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect")) {
          cmd.add(a);
        }
      }
      cmd.addAll(List.of("-Xmx1g", "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8",
          "-Dstdout.encoding=UTF-8", "-Ddatagent.spark.master=local[2]", "-cp", classpath(),
          "io.datagent.local.AgentCli", "--workspace", ws.toString()));
      cmd.addAll(List.of(args));
      Path err = Files.createTempFile(root, "stderr-", ".log");
      Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
      p.getOutputStream().close();
      return new Child(p, err);
    }

    static String classpath() {
      String cp = System.getProperty("surefire.test.class.path");
      if (cp == null || cp.isBlank()) {
        cp = System.getProperty("java.class.path");
      }
      return cp;
    }

    /** Polls (every 2 ms) until {@code reached} holds, then kill -9; false when the process ended first. */
    boolean killWhen(Predicate<List<String>> reached, int timeoutSeconds) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
      while (System.nanoTime() < deadline) {
        if (reached.test(lines)) {
          process.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
          process.waitFor(30, TimeUnit.SECONDS);
          return true;
        }
        if (!process.isAlive()) {
          return false;
        }
        Thread.sleep(2);
      }
      process.destroyForcibly();
      return false;
    }

    int waitFor(int timeoutSeconds) throws InterruptedException {
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return -1;
      }
      reader.join(5000);
      return process.exitValue();
    }

    List<String> lines() {
      return lines;
    }

    String output() {
      String err;
      try {
        err = Files.readString(stderr);
      } catch (IOException e) {
        err = "";
      }
      String tail = err.length() > 4000 ? err.substring(err.length() - 4000) : err;
      return String.join("\n", lines) + "\n--- stderr (final) ---\n" + tail;
    }
  }
}
