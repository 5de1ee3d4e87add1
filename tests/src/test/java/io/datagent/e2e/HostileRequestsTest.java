package io.datagent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Raw HTTP an attacker or a broken client sends to the local App: cut bodies, bad chunking, huge headers, floods,
 * slow partial headers, odd JSON, path tricks, wrong methods. Never a 500; under /api a JSON error in Spanish.
 */
class HostileRequestsTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Pattern SPANISH = Pattern.compile("(?i)[áéíóúñ¿¡]|\\b(el|la|los|las|de|del|no|un|una|archivo|carga|existe)\\b");
  static LocalAppFixture fixture;
  static String host;
  static int port;

  record Raw(int status, String head, String body) {}

  @BeforeAll
  static void start() throws Exception {
    fixture = LocalAppFixture.shared();
    URI u = URI.create(fixture.url("/"));
    host = u.getHost();
    port = u.getPort();
  }

  /** Sends {@code request} as is, optionally half-closes, and reads the response until the server closes it. */
  static Raw send(byte[] request, boolean halfClose, int timeoutMillis) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 5_000);
      s.setSoTimeout(timeoutMillis);
      OutputStream out = s.getOutputStream();
      out.write(request);
      out.flush();
      if (halfClose) {
        s.shutdownOutput();
      }
      return read(s.getInputStream());
    }
  }

  static Raw read(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    try {
      for (int n; (n = in.read(buf)) > 0; ) {
        b.write(buf, 0, n);
        if (complete(b.toString(StandardCharsets.UTF_8))) {
          break;
        }
      }
    } catch (SocketTimeoutException e) {
      if (b.size() == 0) {
        throw e;
      }
    } catch (java.net.SocketException e) {
      if (b.size() == 0) {
        throw e; // reset before any answer
      }
    }
    String text = b.toString(StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    String head = end < 0 ? text : text.substring(0, end);
    String body = end < 0 ? "" : text.substring(end + 4);
    if (head.toLowerCase().contains("transfer-encoding: chunked")) {
      body = dechunk(body);
    }
    int status = head.startsWith("HTTP/1.") ? Integer.parseInt(head.substring(9, 12)) : -1;
    return new Raw(status, head, body);
  }

  private static boolean complete(String text) {
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      return false;
    }
    String head = text.substring(0, end).toLowerCase();
    var m = Pattern.compile("content-length: *(\\d+)").matcher(head);
    if (m.find()) {
      return text.getBytes(StandardCharsets.UTF_8).length - end - 4 >= Integer.parseInt(m.group(1));
    }
    return head.contains("transfer-encoding: chunked") && text.endsWith("\r\n0\r\n\r\n");
  }

  private static String dechunk(String body) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < body.length()) {
      int eol = body.indexOf("\r\n", i);
      if (eol < 0) {
        break;
      }
      int size = Integer.parseInt(body.substring(i, eol).strip().split(";")[0], 16);
      if (size == 0) {
        break;
      }
      byte[] rest = body.substring(eol + 2).getBytes(StandardCharsets.UTF_8);
      String chunk = new String(rest, 0, Math.min(size, rest.length), StandardCharsets.UTF_8);
      out.append(chunk);
      i = eol + 2 + chunk.length() + 2;
    }
    return out.toString();
  }

  static byte[] request(String method, String path, String contentType, String extraHeaders, byte[] body,
      Integer contentLength) {
    StringBuilder h = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
        + "\r\nConnection: close\r\nAccept: application/json\r\n");
    if (contentType != null) {
      h.append("Content-Type: ").append(contentType).append("\r\n");
    }
    if (contentLength != null) {
      h.append("Content-Length: ").append(contentLength).append("\r\n");
    }
    h.append(extraHeaders == null ? "" : extraHeaders).append("\r\n");
    byte[] head = h.toString().getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + (body == null ? 0 : body.length)];
    System.arraycopy(head, 0, all, 0, head.length);
    if (body != null) {
      System.arraycopy(body, 0, all, head.length, body.length);
    }
    return all;
  }

  static byte[] json(String method, String path, String body) {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    return request(method, path, "application/json", null, b, b.length);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** No 5xx; under /api (and for any JSON answer) an {"error": "..."} in Spanish. */
  static void assertClientError(String what, Raw r, Integer... allowed) throws IOException {
    assertThat(r.status()).as(what + ": " + r.head() + "\n" + r.body()).isIn((Object[]) allowed);
    if (r.status() >= 400 && r.head().toLowerCase().contains("application/json")) {
      JsonNode err = JSON.readTree(r.body());
      assertThat(err.path("error").asText()).as(what + ": " + r.body()).isNotBlank().containsPattern(SPANISH);
    }
  }

  static void assertJsonSpanishError(String what, Raw r, Integer... allowed) throws IOException {
    assertClientError(what, r, allowed);
    assertThat(r.head().toLowerCase()).as(what + ": " + r.head() + "\n" + r.body()).contains("application/json");
  }

  // ---- cases

  record Case(String name, byte[] request, boolean halfClose, boolean jsonError, Integer[] allowed) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Case c(String name, byte[] request, boolean halfClose, boolean jsonError, Integer... allowed) {
    return new Case(name, request, halfClose, jsonError, allowed);
  }

  static Stream<Case> cases() {
    String longName = "t".repeat(5_000);
    String deep = "[".repeat(10_000);
    String boundary = "----hostil";
    byte[] multipart = utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
        + "Content-Type: text/csv\r\n\r\na;b\n1;2\n");
    return Stream.of(
        c("JSON más corto que su Content-Length", request("POST", "/api/ask", "application/json", null,
            utf8("{\"question\":"), 500), true, true, 400),
        c("multipart más corto que su Content-Length", request("POST", "/api/uploads",
            "multipart/form-data; boundary=" + boundary, null, multipart, 50_000), true, true, 400),
        c("multipart sin el límite final", request("POST", "/api/uploads", "multipart/form-data; boundary=" + boundary,
            null, multipart, multipart.length), false, true, 400),
        c("multipart sin boundary", request("POST", "/api/uploads", "multipart/form-data", null, multipart,
            multipart.length), false, true, 400),
        c("chunked con tamaño no hexadecimal", request("POST", "/api/ask", "application/json",
            "Transfer-Encoding: chunked\r\n", utf8("zz\r\n{\"question\":\"hola\"}\r\n0\r\n\r\n"), null), true, false, 400),
        c("chunked cortado", request("POST", "/api/ask", "application/json", "Transfer-Encoding: chunked\r\n",
            utf8("100\r\n{\"question\":\"hola\"}"), null), true, false, 400),
        c("Content-Length y chunked a la vez", request("POST", "/api/ask", "application/json",
            "Transfer-Encoding: chunked\r\n", utf8("5\r\n{\"a\":\r\n0\r\n\r\n"), 5), true, false, 400),
        c("cabecera de 100 KB", request("GET", "/api/tables", null, "X-Relleno: " + "a".repeat(100_000) + "\r\n",
            null, null), false, false, 431, 400, 413),
        c("2.000 cabeceras", request("GET", "/api/tables", null, "X-R: a\r\n".repeat(2_000), null, null), false,
            false, 200, 431, 400, 413),
        c("JSON con 10.000 corchetes", json("POST", "/api/ask", "{\"question\":" + deep + "}"), false, true, 400),
        c("JSON con 10.000 corchetes sin objeto", json("POST", "/api/ask", deep), false, true, 400),
        c("claves duplicadas", json("POST", "/api/ask", "{\"question\":\"hola\",\"question\":\"adiós\"}"), false,
            false, 200, 400),
        c("pregunta que no es texto", json("POST", "/api/ask", "{\"question\":{\"$ne\":1}}"), false, true, 400),
        c("JSON inválido", json("POST", "/api/ask", "{question: hola"), false, true, 400),
        c("cuerpo vacío", json("POST", "/api/ask", ""), false, true, 400),
        c("text/plain a /api/ask", request("POST", "/api/ask", "text/plain", null, utf8("hola"), 4), false, true, 415),
        c("formulario a /api/ask", request("POST", "/api/ask", "application/x-www-form-urlencoded", null,
            utf8("question=hola"), 13), false, true, 415),
        c("JSON a /api/uploads", json("POST", "/api/uploads", "{\"file\":\"a.csv\"}"), false, true, 415),
        c("XML a /api/ask/stream", request("POST", "/api/ask/stream", "application/xml", null, utf8("<q/>"), 4),
            false, true, 415),
        c("surrogado suelto escapado", json("POST", "/api/ask", "{\"question\":\"hola \\ud800 mundo\"}"), false,
            false, 200, 400),
        c("surrogado bajo suelto escapado", json("POST", "/api/ask", "{\"question\":\"\\udc00\"}"), false, false,
            200, 400),
        c("escapes unicode y NUL", json("POST", "/api/ask", "{\"question\":\"\\u0000\\u202e\\ufeffpotencia\\u0007\"}"),
            false, false, 200, 400),
        c("UTF-8 inválido en el cuerpo", request("POST", "/api/ask", "application/json", null,
            new byte[] {'{', '"', 'q', 'u', 'e', 's', 't', 'i', 'o', 'n', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, 17),
            false, false, 200, 400),
        c("tabla ..%2f..%2fetc%2fpasswd", request("GET", "/api/tables/..%2f..%2fetc%2fpasswd", null, null, null, null),
            false, false, 400, 404),
        c("tabla ../../etc/passwd", request("GET", "/api/tables/../../etc/passwd", null, null, null, null), false,
            false, 400, 404),
        c("tabla %00", request("GET", "/api/tables/potenciainstalada%00", null, null, null, null), false, false, 400, 404),
        c("vista previa %00", request("GET", "/api/tables/x%00y/preview", null, null, null, null), false, false, 400, 404),
        c("tabla con comillas", request("GET", "/api/tables/x'%3B%20DROP%20TABLE%20y--/preview", null, null, null, null),
            false, true, 404),
        c("tabla de 5.000 caracteres", request("GET", "/api/tables/" + longName + "/preview", null, null, null, null),
            false, true, 404),
        c("tabla interna _ingestion_log", request("GET", "/api/tables/_ingestion_log/preview", null, null, null, null),
            false, true, 404),
        c("limit no numérico", request("GET", "/api/tables/potenciainstalada/preview?limit=1e9", null, null, null, null),
            false, true, 400),
        c("carga con id que no es UUID", request("GET", "/api/uploads/..%2f..", null, null, null, null), false, false,
            400, 404),
        c("DELETE /api/tables", request("DELETE", "/api/tables", null, null, null, null), false, true, 404, 405),
        c("PUT /api/ask", json("PUT", "/api/ask", "{\"question\":\"hola\"}"), false, true, 404, 405),
        c("PATCH /api/uploads", json("PATCH", "/api/uploads", "{}"), false, true, 404, 405),
        c("GET /api/ask", request("GET", "/api/ask", null, null, null, null), false, true, 404, 405),
        c("TRACE /api/tables", request("TRACE", "/api/tables", null, null, null, null), false, false, 404, 405, 400),
        c("método inventado", request("HAGOLO", "/api/tables", null, null, null, null), false, false, 404, 405, 400, 501),
        c("versión HTTP inventada", utf8("GET /api/tables HTTP/9.9\r\nHost: x\r\n\r\n"), false, false, 400, 505),
        c("basura en vez de petición", utf8("\u0000\u0001\u0002 hola\r\n\r\n"), true, false, 400));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void should_answer_every_malformed_request_with_a_client_error_never_a_500(Case c) throws Exception {
    Raw r = send(c.request(), c.halfClose(), 15_000);
    if (c.jsonError() || r.status() >= 400) {
      assertJsonSpanishError(c.name(), r, c.allowed());
    } else {
      assertClientError(c.name(), r, c.allowed());
    }
  }

  @Test
  void should_flood_ask_without_a_single_5xx() throws Exception {
    byte[] body = utf8("{\"question\":\"hola\"}");
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> done = new ArrayList<>();
    AtomicInteger left = new AtomicInteger(1_000);
    for (int t = 0; t < 4; t++) {
      done.add(pool.submit(() -> {
        while (left.getAndDecrement() > 0) {
          Raw r = send(request("POST", "/api/ask", "application/json", null, body, body.length), false, 30_000);
          statuses.computeIfAbsent(r.status(), k -> new AtomicInteger()).incrementAndGet();
          if (r.status() >= 500 || r.status() < 0) {
            throw new AssertionError(r.head() + "\n" + r.body());
          }
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get(100, TimeUnit.SECONDS);
    }
    pool.shutdownNow();
    System.out.println("hostile flood of /api/ask: " + statuses);
    assertThat(statuses.keySet()).as(statuses.toString()).isSubsetOf(200, 429);
  }

  @Test
  void should_keep_serving_others_while_slow_clients_hold_partial_headers() throws Exception {
    List<Socket> slow = new ArrayList<>();
    try {
      for (int i = 0; i < 40; i++) {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(host, port), 5_000);
        s.getOutputStream().write(utf8("GET /api/tables HTTP/1.1\r\nHost: x\r\nX-Lento: "));
        s.getOutputStream().flush();
        slow.add(s);
      }
      for (int round = 0; round < 3; round++) {
        for (Socket s : slow) {
          try {
            s.getOutputStream().write('a');
            s.getOutputStream().flush();
          } catch (IOException closedByServer) {
            // the server may drop them: fine
          }
        }
        long t0 = System.nanoTime();
        Raw r = send(request("GET", "/health", null, null, null, null), false, 5_000);
        assertThat(r.status()).as(r.head()).isEqualTo(200);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(5_000);
        Thread.sleep(300);
      }
    } finally {
      for (Socket s : slow) {
        s.close();
      }
    }
  }

  @AfterAll
  static void still_answers() throws Exception {
    Raw r = send(request("GET", "/api/tables", null, null, null, null), false, 15_000);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).contains("potenciainstalada");
  }
}
