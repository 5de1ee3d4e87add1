package io.datagent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What an analyst does in the App, in a real browser, on the sample data. */
class BrowserJourneyTest extends SharedAppBrowserTest {

  @Test
  void should_show_an_answer_with_its_source_row_when_an_analyst_asks_a_question() {
    // given the chat page
    browser.get(fixture.url("/"));
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user"), "analista@datagent.local"));
    // when the analyst asks about a power plant
    browser.findElement(By.id("question")).sendKeys("¿Qué potencia instalada tiene la central AGUA DEL CAJON?");
    browser.findElement(By.id("ask")).click();
    // then the answer arrives with the figure the database computed (184,4 MW in row 3 of the file), its SQL, its table
    // and the table it was computed from
    WebElement answer = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".message.assistant .meta")))
        .findElement(By.xpath("./.."));
    assertThat(answer.findElement(By.cssSelector(".answer-text")).getText()).contains("AGUA DEL CAJON").containsPattern("184[,.]4");
    List<String> sources = answer.findElements(By.cssSelector(".sources li")).stream().map(WebElement::getText).toList();
    assertThat(sources).anySatisfy(s -> assertThat(s).contains("potenciainstalada"));
    assertThat(answer.findElements(By.cssSelector("details.sql pre"))).isNotEmpty();
    assertThat(answer.findElements(By.cssSelector("table.grid td"))).isNotEmpty();
    // and the conversation is in the history
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversations"), "AGUA DEL CAJON"));
    // and a thumbs up is recorded
    answer.findElement(By.cssSelector(".thumb[data-rating='up']")).click();
    wait.until(ExpectedConditions.textToBePresentInElement(answer.findElement(By.cssSelector(".feedback")), "Gracias"));
  }

  @Test
  void should_show_the_new_table_when_an_analyst_uploads_a_csv() throws Exception {
    Path csv = Files.createTempDirectory("e2e-upload").resolve("ventas_regionales.csv");
    Files.writeString(csv, "Región;Mes;Ventas [MWh]\nCuyo;01/2024;1.234,5\nComahue;01/2024;2.345,0\nPatagonia;01/2024;987,25\n",
        StandardCharsets.UTF_8);
    browser.get(fixture.url("/datos"));
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(180));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#tables li[data-table='potenciainstalada']")));
    browser.findElement(By.id("upload-file")).sendKeys(csv.toString());
    browser.findElement(By.id("upload-submit")).click();
    WebElement status = wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#upload-status[data-status='LOADED'], #upload-status[data-status='PARTIAL'], #upload-status[data-status='FAILED'], #upload-status[data-status='REFUSED']")));
    assertThat(status.getAttribute("data-status")).as(status.getText()).isEqualTo("LOADED");
    assertThat(status.getText()).contains("Filas cargadas: 3", "en cuarentena: 0");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#tables li[data-table='ventas_regionales']")));
    // the new table opens with its columns and rows
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("table-name"), "ventas_regionales"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("table-preview"), "Comahue"));
    assertThat(browser.findElement(By.id("ingestions")).getText()).contains("ventas_regionales.csv");
  }

  @Test
  void should_refuse_every_monitor_route_to_a_business_user_and_serve_it_to_an_engineer() throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    List<String[]> routes = List.of(new String[] {"GET", "/api/monitor/status"}, new String[] {"GET", "/api/monitor/runs"},
        new String[] {"GET", "/api/monitor/decisions"}, new String[] {"GET", "/api/monitor/decisions/1"},
        new String[] {"POST", "/api/monitor/decisions/1/label"}, new String[] {"GET", "/api/monitor/accuracy"},
        new String[] {"GET", "/api/monitor/export.jsonl"}, new String[] {"GET", "/api/monitor/quality"},
        new String[] {"POST", "/api/monitor/triage"});
    for (String[] route : routes) {
      java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(fixture.url(route[1])))
          .header("X-Forwarded-Email", "negocio@empresa.es").header("Content-Type", "application/json");
      b = route[0].equals("POST") ? b.POST(java.net.http.HttpRequest.BodyPublishers.ofString(
          "{\"correct\":true,\"text\":\"java.net.SocketTimeoutException: Read timed out\"}")) : b.GET();
      java.net.http.HttpResponse<String> res = http.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(res.statusCode()).as(route[0] + " " + route[1]).isEqualTo(403);
      assertThat(res.body()).contains("ingenieros");
    }
    // the demo user is the local engineer (DATAGENT_ENGINEERS defaults to it)
    java.net.http.HttpResponse<String> triage = http.send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(fixture.url("/api/monitor/triage"))).header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"text\":\"java.net.SocketTimeoutException: Read timed out\"}"))
        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(triage.statusCode()).as(triage.body()).isEqualTo(200);
    assertThat(triage.body()).contains("category");
  }

  @Test
  void should_catch_a_csp_violation_when_a_page_runs_inline_code() {
    // the check above is only worth something if it sees a violation: inline code on an App page must be refused
    browser.get(fixture.url("/datos"));
    new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.presenceOfElementLocated(By.id("tables")));
    Browser.consoleProblems(browser);
    browser.executeScript("const s = document.createElement('script'); s.textContent = 'window.inlineRan = true;';"
        + "document.body.appendChild(s);");
    assertThat(browser.executeScript("return window.inlineRan === true;")).isEqualTo(false);
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !Browser.peekConsole(browser).isEmpty());
    assertThat(String.join("\n", Browser.consoleProblems(browser))).contains("Content Security Policy");
  }

  @Test
  void should_load_every_page_styled_and_scripted_without_console_or_csp_errors() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    // the chat page
    browser.get(fixture.url("/"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user"), "analista@datagent.local"));
    // the demo user is the local engineer: the Monitor link shows
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-monitor")));
    assertThat(Browser.consoleProblems(browser)).as("consola en /").isEmpty();
    Browser.screenshot(browser, "chat");
    // the data page
    browser.get(fixture.url("/datos"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#tables li[data-table='potenciainstalada']")));
    assertThat(Browser.consoleProblems(browser)).as("consola en /datos").isEmpty();
    // a table's semantic model, as the ingestion kept it (issue 12): measures with unit, dimensions, the YAML link
    browser.findElement(By.cssSelector("#tables li[data-table='potenciainstalada'] button")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("table-model")));
    assertThat(browser.findElement(By.id("model-summary")).getText()).contains("Guardado por la ingesta");
    assertThat(browser.findElement(By.id("model-measures")).getText()).contains("potencia_instalada_mw").contains("MW");
    assertThat(browser.findElement(By.id("model-dimensions")).getText()).contains("día, mes, año");
    assertThat(browser.findElement(By.id("model-yaml")).getAttribute("href")).endsWith("/api/tables/potenciainstalada/modelo.yaml");
    assertThat(Browser.consoleProblems(browser)).as("consola en /datos con el modelo").isEmpty();
    Browser.screenshot(browser, "datos");
    // the monitor page: its script runs (the status leaves "Cargando…") and its style sheet applies
    browser.get(fixture.url("/monitor/"));
    wait.until(d -> !d.findElement(By.id("status")).getText().startsWith("Cargando"));
    assertThat(browser.findElement(By.id("status")).getText()).contains("fuente");
    assertThat(browser.findElement(By.tagName("header")).getCssValue("background-color")).isEqualTo("rgba(255, 255, 255, 1)");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#c-error svg, #c-error .muted")));
    browser.findElement(By.id("triage-text")).sendKeys("java.lang.OutOfMemoryError: Java heap space");
    browser.findElement(By.id("triage-go")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("triage-out"), "resource"));
    assertThat(Browser.consoleProblems(browser)).as("consola en /monitor/").isEmpty();
    Browser.screenshot(browser, "monitor");
  }
}
