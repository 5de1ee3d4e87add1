package io.datagent.bench.app;

import io.datagent.agent.Agent;
import io.datagent.agent.AgentRequest;
import io.datagent.agent.AnswerListener;
import io.datagent.ingestion.IngestJob;
import io.datagent.local.LocalRuntime;
import io.datagent.local.app.LocalApp;
import io.datagent.local.retrieval.EmbedCommand;
import io.datagent.local.retrieval.LocalRetrievers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * {@code ./agent bench app [clients] [requests]}: the App's no-LLM (extractive) answers under concurrent clients over
 * HTTP on loopback against the same answers computed in-process, in the same run and JVM: by the bare agent, and by
 * the App's chat service (the agent plus recording the exchange in PostgreSQL, what {@code /api/ask} runs). The
 * target ratio (≥ 0.8, "the web layer costs ≤ 20 %") is HTTP against the chat service: the same answer, recorded the
 * same way, with and without the web layer. HTTP against the bare agent is printed too, with the CPU per answer of
 * the JVM and of PostgreSQL in each way and a one-client run, so what recording costs is visible on its own.
 * Reports HTTP p50/p99 (p99 ≤ 250 ms), errors (0), the App's memory (≤ 768
 * MB: live heap, native memory and the embedded PostgreSQL, told apart from Spark's) and the App's start-up to
 * {@code /ready} without Spark (≤ 3 s). Answers are timed warm: after each question was answered once, its SQL
 * result, query vector and misspelling expansions are cached, as they are for users asking again.
 */
public final class AppBenchmark {

  /** What analysts ask of the sample data: rows of a plant, a region, a kind of day, an aggregate, the catalog. */
  static final List<String> QUESTIONS = List.of(
      "¿Qué potencia instalada tiene la central AGUA DEL CAJON?",
      "centrales térmicas de COMAHUE",
      "potencia instalada de las centrales hidráulicas",
      "demanda del distribuidor los sábados",
      "máximo de potencia instalada",
      "¿Qué tablas hay disponibles?",
      "centrales de ciclos combinados en GRAN BS.AS.",
      "temperatura media de los domingos");

  private AppBenchmark() {}

  public static int run(List<String> args, LocalRuntime rt) throws Exception {
    int clients = args.isEmpty() ? 32 : Integer.parseInt(args.get(0));
    int requests = args.size() > 1 ? Integer.parseInt(args.get(1)) : 100 * clients;
    // Keep-alive connections for every client (the default pool keeps 5): the clients must not measure reconnects.
    System.setProperty("http.maxConnections", String.valueOf(clients));
    ensureSampleData(rt);
    Map<String, String> env = new java.util.HashMap<>(rt.env().asMap());
    env.keySet().removeIf(k -> k.equals("OPENAI_BASE_URL") || k.equals("DATAGENT_LLM_ENDPOINT")); // no LLM
    // Baseline memory: Spark local up with the sample tables read, before the App exists.
    rt.spark().sql("SELECT count(*) FROM serving.potenciainstalada").collectAsList();
    Footprint before = Footprint.now(null);
    // First start of the state database may run initdb; the start measured is a normal (re)start.
    LocalApp.start(rt, new LocalApp.Options("127.0.0.1", 0, "bench@datagent.local", 50_000_000L), env).close();
    long t0 = System.nanoTime();
    LocalApp app = LocalApp.start(rt, new LocalApp.Options("127.0.0.1", 0, "bench@datagent.local", 50_000_000L), env);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(); // only to poll /ready
    while (http.send(HttpRequest.newBuilder(URI.create(app.url() + "ready")).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode() != 200) {
      Thread.sleep(10);
    }
    double startup = (System.nanoTime() - t0) / 1e9;
    System.out.printf("App lista en %.2f s (no arranca Spark); calentando el catálogo…%n", startup);
    app.warm(rt).join();
    Agent agent = app.agent();
    postgres = app.postgres().serverProcess().orElse(null);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      // Warm-up: every question cold (Spark local plans and reads the tables) and again warm (the local SQL result
      // cache answers, as a SQL warehouse's would), then once over HTTP.
      for (String q : QUESTIONS) {
        long s = System.nanoTime();
        io.datagent.agent.AgentAnswer a = agent.answer(new AgentRequest(q, "bench@datagent.local", null, null, List.of()),
            AnswerListener.NONE);
        long cold = (System.nanoTime() - s) / 1_000_000;
        s = System.nanoTime();
        agent.answer(new AgentRequest(q, "bench@datagent.local", null, null, List.of()), AnswerListener.NONE);
        System.out.printf("  «%s»: %s, %d SQL, %d fuentes; en frío %d ms, con la caché de resultados %.1f ms%n", q, a.mode(),
            a.sql().size(), a.sources().size(), cold, (System.nanoTime() - s) / 1e6);
        overHttp(app, q, 0);
      }
      // Both ways warmed by the JIT before anything is timed (the timed phases alternate twice after this).
      compare(pool, clients, Math.min(requests, 1000), QUESTIONS, agent, app, 1);
      sequential(agent, app, 400);
      Result all = compare(pool, clients, requests, QUESTIONS, agent, app, 2);
      all.print("respuestas sin LLM (" + QUESTIONS.size() + " preguntas, búsqueda híbrida y SQL con caché)");
      System.out.println("  (el agente en proceso no guarda nada; la App, además de responder, registra cada pregunta: traza, "
          + "historial y conversación en PostgreSQL, en un viaje de ida y vuelta)");
      Footprint after = Footprint.now(app.postgres().serverProcess().orElse(null));
      long rss = after.rssKb();
      long appShare = after.appMbSince(before);
      System.out.printf("  memoria: la App (heap vivo %+d MB, memoria nativa %+d MB: modelo ONNX, índice mapeado, hilos; "
          + "PostgreSQL embebido %d MB PSS) = %d MB; el proceso entero con Spark local: %d MB residentes (pico %d MB)%n",
          (after.heapUsed() - before.heapUsed()) >> 20, (after.nativeKb() - before.nativeKb()) >> 10,
          after.postgresPssKb() >> 10, appShare, rss >> 10, memory("VmHWM") >> 10);
      int errors = all.errors();
      System.out.printf("bench app (%d clientes, sin LLM): capa web (HTTP / la misma respuesta registrada en proceso) %.2f %s "
              + "(≥ 0.8); HTTP p50 %d ms, "
              + "p99 %d ms %s (≤ 250); errores %d %s; memoria de la App %d MB %s (≤ 768; el proceso con Spark %d MB); "
              + "arranque %.2f s %s (≤ 3 s); informativo: HTTP / agente sin registrar %.2f%n",
          clients, all.webRatio(), mark(all.webRatio() >= 0.8), all.web().pct(50),
          all.web().pct(99),
          mark(all.web().pct(99) <= 250), errors, mark(errors == 0), appShare, mark(appShare <= 768), rss / 1024, startup,
          mark(startup <= 3), all.ratio());
      return 0;
    } finally {
      pool.shutdownNow();
      app.close();
    }
  }

  /**
   * The same questions three ways, alternated: the agent alone in process, the App's chat service in process (the
   * agent plus recording the exchange, what {@code /api/ask} runs) and over HTTP.
   */
  record Result(Phase local, Phase recorded, Phase web) {
    /** HTTP against the bare agent: everything the App adds, recording included. */
    double ratio() {
      return web.throughput() / local.throughput();
    }

    /** HTTP against the same recorded answer in process: what the web layer (Javalin, JSON, loopback) costs. */
    double webRatio() {
      return web.throughput() / recorded.throughput();
    }

    int errors() {
      return local.errors + recorded.errors + web.errors;
    }

    void print(String label) {
      System.out.printf("  %s: agente en proceso %.1f resp/s (p50 %d ms, p99 %d ms); registrada en proceso %.1f resp/s "
              + "(p50 %d ms, p99 %d ms); HTTP %.1f resp/s (p50 %d ms, p99 %d ms); HTTP/registrada %.2f, HTTP/agente %.2f; "
              + "errores %d%n", label, local.throughput(), local.pct(50), local.pct(99), recorded.throughput(),
          recorded.pct(50), recorded.pct(99), web.throughput(), web.pct(50), web.pct(99), webRatio(), ratio(), errors());
      System.out.printf("  CPU por respuesta (JVM + PostgreSQL): agente %s; registrada %s; HTTP %s%n", local.cpuPerAnswer(),
          recorded.cpuPerAnswer(), web.cpuPerAnswer());
    }
  }

  static Result compare(ExecutorService pool, int clients, int requests, List<String> questions, Agent agent, LocalApp app,
      int rounds) throws Exception {
    Phase local = null;
    Phase recorded = null;
    Phase web = null;
    for (int round = 0; round < rounds; round++) {
      Phase l = phase(pool, clients, requests, i -> inProcess(agent, questions.get(i % questions.size())));
      Phase r = phase(pool, clients, requests, i -> recorded(app, questions.get(i % questions.size()), i % clients));
      Phase w = phase(pool, clients, requests, i -> overHttp(app, questions.get(i % questions.size()), i % clients));
      local = local == null ? l : local.plus(l);
      recorded = recorded == null ? r : recorded.plus(r);
      web = web == null ? w : web.plus(w);
    }
    return new Result(local, recorded, web);
  }

  private static String mark(boolean ok) {
    return ok ? "✓" : "✗";
  }

  /** Latencies (ms) and errors of one timed phase. */
  record Phase(long[] millis, int errors, double seconds, Cpu cpu) {
    Phase plus(Phase o) {
      long[] all = Arrays.copyOf(millis, millis.length + o.millis.length);
      System.arraycopy(o.millis, 0, all, millis.length, o.millis.length);
      return new Phase(all, errors + o.errors, seconds + o.seconds, cpu.plus(o.cpu));
    }

    /** CPU milliseconds per answer: this JVM's, and the embedded PostgreSQL's. */
    String cpuPerAnswer() {
      return String.format(java.util.Locale.ROOT, "%.2f + %.2f ms", cpu.jvmMs() / (double) millis.length,
          cpu.postgresMs() / (double) millis.length);
    }

    double throughput() {
      return millis.length / seconds;
    }

    long pct(int p) {
      long[] s = millis.clone();
      Arrays.sort(s);
      return s.length == 0 ? 0 : s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }
  }

  interface Call {
    boolean call(int i) throws Exception;
  }

  /** CPU time spent by this JVM and by the embedded PostgreSQL's processes, in milliseconds. */
  record Cpu(long jvmMs, long postgresMs) {
    Cpu plus(Cpu o) {
      return new Cpu(jvmMs + o.jvmMs, postgresMs + o.postgresMs);
    }

    Cpu minus(Cpu o) {
      return new Cpu(jvmMs - o.jvmMs, postgresMs - o.postgresMs);
    }

    static Cpu now(ProcessHandle postgres) {
      long jvm = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(0L);
      long pg = postgres == null ? 0
          : Stream.concat(Stream.of(postgres), postgres.descendants()).mapToLong(p -> cpuMs(p.pid())).sum();
      return new Cpu(jvm, pg);
    }

    /** utime + stime of a process and of its children that ended (the postmaster's exited backends), in ms. */
    private static long cpuMs(long pid) {
      try {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        return ticks * 10; // USER_HZ is 100 on Linux
      } catch (IOException | RuntimeException e) {
        return 0; // the process ended meanwhile
      }
    }
  }

  static ProcessHandle postgres;

  static Phase phase(ExecutorService pool, int clients, int requests, Call call) throws Exception {
    Cpu cpu0 = Cpu.now(postgres);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    long[] millis = new long[requests];
    long t0 = System.nanoTime();
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      running.add(pool.submit(() -> {
        for (int i; (i = next.getAndIncrement()) < requests; ) {
          long s = System.nanoTime();
          boolean ok;
          try {
            ok = call.call(i);
          } catch (Exception e) {
            ok = false;
          }
          millis[i] = (System.nanoTime() - s) / 1_000_000;
          if (!ok) {
            errors.incrementAndGet();
          }
        }
        return null;
      }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    return new Phase(millis, errors.get(), (System.nanoTime() - t0) / 1e9, Cpu.now(postgres).minus(cpu0));
  }

  /**
   * One client, no contention: the wall time and the calling thread's CPU time of an answer by the bare agent and by
   * the App's chat service, so what recording adds is seen apart from what concurrency adds.
   */
  static void sequential(Agent agent, LocalApp app, int n) {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long[] wall = new long[2];
    long[] cpu = new long[2];
    Cpu recording = new Cpu(0, 0);
    for (int i = 0; i < n; i++) {
      String q = QUESTIONS.get(i % QUESTIONS.size());
      for (int way = 0; way < 2; way++) {
        Cpu c0 = Cpu.now(postgres);
        long w0 = System.nanoTime();
        long t0 = mx.getCurrentThreadCpuTime();
        boolean ok = way == 0 ? inProcess(agent, q) : recorded(app, q, i % 32);
        cpu[way] += mx.getCurrentThreadCpuTime() - t0;
        wall[way] += System.nanoTime() - w0;
        if (way == 1) {
          recording = recording.plus(Cpu.now(postgres).minus(c0));
        }
        if (!ok) {
          throw new IllegalStateException("error en la medición secuencial: " + q);
        }
      }
    }
    System.out.printf(java.util.Locale.ROOT, "  un cliente, %d preguntas: agente %.2f ms (CPU del hilo %.2f ms); registrada %.2f ms "
            + "(CPU del hilo %.2f ms + PostgreSQL %.2f ms)%n", n, wall[0] / 1e6 / n, cpu[0] / 1e6 / n, wall[1] / 1e6 / n,
        cpu[1] / 1e6 / n, recording.postgresMs() / (double) n);
  }

  /** What {@code /api/ask} does for analyst number {@code user}, without HTTP: answer, then record the exchange. */
  static boolean recorded(LocalApp app, String q, int user) {
    String who = "analista" + user + "@bench.local";
    io.datagent.app.chat.ChatService chat = app.chat();
    io.datagent.app.chat.AnswerView v = chat.answer(who, null, q, chat.prepare(who, q, null), AnswerListener.NONE);
    return v.error() == null && v.stored();
  }

  static boolean inProcess(Agent agent, String q) {
    return agent.answer(new AgentRequest(q, "bench@datagent.local", null, null, List.of()), AnswerListener.NONE).error() == null;
  }

  /** One question over HTTP as analyst number {@code user} (the local App honours X-Forwarded-Email). */
  static boolean overHttp(LocalApp app, String q, int user) throws IOException {
    // HttpURLConnection: blocking and lean, so the client's own cost weighs little in what is measured.
    java.net.HttpURLConnection c = (java.net.HttpURLConnection) URI.create(app.url() + "api/ask").toURL().openConnection();
    byte[] body = ("{\"question\":\"" + q.replace("\"", "\\\"") + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    c.setFixedLengthStreamingMode(body.length);
    c.setRequestProperty("Content-Type", "application/json");
    c.setRequestProperty("X-Forwarded-Email", "analista" + user + "@bench.local");
    try (java.io.OutputStream out = c.getOutputStream()) {
      out.write(body);
    }
    int status = c.getResponseCode();
    String response;
    try (java.io.InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
      response = in == null ? "" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    return status == 200 && !response.contains("\"error\":\"");
  }


  /**
   * What the process holds, split so the App's share can be told from Spark's in one JVM: live heap after a full GC,
   * native memory (resident minus committed heap: ONNX Runtime, mapped index pages, thread stacks; exact because
   * {@code ./agent bench app} runs with a fixed, pre-touched heap) and the embedded PostgreSQL's processes
   * (proportional set size, so their shared memory is not counted once per process).
   */
  record Footprint(long heapUsed, long heapCommitted, long rssKb, long postgresPssKb) {
    static Footprint now(ProcessHandle postgres) throws IOException {
      for (int i = 0; i < 3; i++) {
        System.gc();
      }
      java.lang.management.MemoryUsage heap = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
      long pss = postgres == null ? 0
          : Stream.concat(Stream.of(postgres), postgres.descendants()).mapToLong(p -> pssKb(p.pid())).sum();
      return new Footprint(heap.getUsed(), heap.getCommitted(), memory("VmRSS"), pss);
    }

    long nativeKb() {
      return rssKb - (heapCommitted >> 10);
    }

    /** The App's megabytes: live heap and native memory it added since {@code before}, and its state database. */
    long appMbSince(Footprint before) {
      return ((heapUsed - before.heapUsed) >> 20) + ((nativeKb() - before.nativeKb()) >> 10)
          + ((postgresPssKb - before.postgresPssKb) >> 10);
    }

    private static long pssKb(long pid) {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
          if (line.startsWith("Pss:")) {
            return Long.parseLong(line.replaceAll("\\D", ""));
          }
        }
      } catch (IOException | RuntimeException e) {
        // the process ended meanwhile
      }
      return 0;
    }
  }

  /** Kilobytes of a /proc/self/status line (VmRSS, VmHWM). */
  static long memory(String key) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith(key + ":")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    return -1;
  }

  /**
   * Loads the sample files when the workspace has no serving table yet, and embeds the documents when there is no
   * index: the answers measured are the ones users get, retrieval included.
   */
  static void ensureSampleData(LocalRuntime rt) throws IOException {
    Path serving = rt.workspace().create().tables().resolve("serving");
    boolean loaded;
    try (Stream<Path> s = Files.exists(serving) ? Files.list(serving) : Stream.empty()) {
      loaded = s.anyMatch(Files::isDirectory);
    }
    if (!loaded) {
      loadSamples(rt);
    }
    Path index = rt.workspace().tables().resolve(LocalRetrievers.SCHEMA).resolve(LocalRetrievers.TABLE).resolve("_delta_log");
    if (!Files.isDirectory(index)) {
      System.out.println("El espacio de trabajo no tiene índice de documentos: calculando los embeddings");
      if (new EmbedCommand().run(List.of(), rt) != 0) {
        throw new IllegalStateException("no se pudieron calcular los embeddings de los ejemplos");
      }
    }
  }

  private static void loadSamples(LocalRuntime rt) throws IOException {
    System.out.println("El espacio de trabajo no tiene datos: cargando los ejemplos de " + rt.samples());
    List<String> files = new ArrayList<>();
    try (Stream<Path> walk = Files.list(rt.samples())) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        Files.copy(p, rt.workspace().uploads().resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        files.add(p.getFileName().toString());
      }
    }
    IngestJob.run(rt.spark(), IngestJob.config("--source", rt.workspace().uploads().toString(),
        "--archive", rt.workspace().archive().toString(), "--files", String.join(",", files)));
  }
}
