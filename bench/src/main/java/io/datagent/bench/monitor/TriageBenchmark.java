package io.datagent.bench.monitor;

import io.datagent.jobmonitor.config.MonitorConfig;
import io.datagent.jobmonitor.config.MonitorConfigLoader;

import io.datagent.local.LocalRuntime;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code ./agent bench triage [--seconds S] [--poll S] [--runs N]}: classifications per second on one core
 * (target ≥ 20,000) and detect-to-act latency against the loopback Jobs API (target ≤ poll interval + 2 s), with a
 * throw-away PostgreSQL so the workspace's state is not touched.
 */
public final class TriageBenchmark {

  private TriageBenchmark() {}

  public static int run(List<String> args, LocalRuntime rt) throws Exception {
    double seconds = number(args, "--seconds", 5);
    Duration poll = Duration.ofMillis((long) (number(args, "--poll", 2) * 1000));
    int runs = (int) number(args, "--runs", 10);
    MonitorConfig cfg = MonitorConfigLoader.load(rt.env().asMap());
    TriageBench bench = new TriageBench(cfg, System.out);

    System.out.println("1) Clasificación");
    double rate = bench.throughput(seconds);

    System.out.println("2) Detección → acción contra la API de Jobs local (sondeo cada " + poll.toMillis() + " ms, "
        + runs + " fallos)");
    Path dir = Files.createTempDirectory("datagent-bench-pg");
    long[] lat;
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true).start()) {
      lat = bench.detectToAct(pg.getPostgresDatabase(), poll, runs);
    }
    long target = poll.toMillis() + 2_000;
    long max = lat[lat.length - 1];
    boolean allActed = lat[0] >= 0;
    System.out.printf("Detección → acción: mín %d ms, mediana %d ms, máx %d ms (objetivo ≤ %d ms: %s)%n", lat[0],
        lat[lat.length / 2], max, target, allActed && max <= target ? "cumplido" : "NO cumplido");
    System.out.printf("Resumen: %,.0f clasificaciones/s en un hilo; detección → acción máx %d ms con sondeo de %d ms%n",
        rate, max, poll.toMillis());
    return rate >= 20_000 && allActed && max <= target ? 0 : 1;
  }

  private static double number(List<String> args, String name, double def) {
    int at = args.indexOf(name);
    if (at < 0) {
      return def;
    }
    if (at + 1 >= args.size()) {
      throw new IllegalArgumentException("bench triage: " + name + " necesita un número");
    }
    try {
      return Double.parseDouble(args.get(at + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bench triage: " + name + " debe ser un número, no " + args.get(at + 1));
    }
  }
}
