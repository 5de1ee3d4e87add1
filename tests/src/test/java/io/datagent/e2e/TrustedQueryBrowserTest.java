package io.datagent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Trusted queries on the Chat page in a real browser: an engineer saves an answer as a trusted query with a
 * parameter, a matching question is answered as "Consulta verificada", and editing the parameter there computes the
 * new figure. Expected figures are counted from the sample file itself (univocity), not through the product.
 */
class TrustedQueryBrowserTest {

  static LocalAppFixture fixture;
  ChromeDriver browser;
  WebDriverWait wait;

  @BeforeAll
  static void startApp() throws Exception {
    fixture = LocalAppFixture.shared();
  }

  @BeforeEach
  void openBrowser() {
    browser = Browser.open();
    wait = new WebDriverWait(browser, Duration.ofSeconds(120));
  }

  @AfterEach
  void closeBrowser() {
    try { // the saved query must not answer other tests' questions in this JVM's shared App
      browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
          + "fetch('/api/trusted-queries').then(r => r.json()).then(qs => Promise.all(qs.filter(q => q.author !== 'demo')"
          + ".map(q => fetch('/api/trusted-queries/' + encodeURIComponent(q.id), { method: 'DELETE' })))).then(() => done(), () => done());");
    } finally {
      browser.quit();
    }
  }

  /** Distinct power plants of a region in PotenciaInstalada.csv, names and regions trimmed. */
  static long plants(String region) throws Exception {
    CsvParserSettings s = new CsvParserSettings();
    s.setHeaderExtractionEnabled(true);
    s.setLineSeparatorDetectionEnabled(true);
    Path file = Path.of(System.getProperty("datagent.shared", "../../shared"), "samples", "energia", "PotenciaInstalada.csv");
    try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      List<String[]> rows = new CsvParser(s).parseAll(reader);
      Set<String> names = rows.stream().filter(r -> r[4] != null && r[4].strip().equals(region)).map(r -> r[1].strip())
          .collect(Collectors.toSet());
      return names.size();
    }
  }

  void ask(String question) {
    browser.findElement(By.id("question")).sendKeys(question);
    browser.findElement(By.id("ask")).click();
  }

  /** The {@code n}th answer (1-based), once it has been rendered in full. */
  WebElement answer(int n) {
    wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".message.assistant .meta"), n - 1));
    return browser.findElements(By.cssSelector(".message.assistant .meta")).get(n - 1).findElement(By.xpath("./.."));
  }

  @Test
  void should_compute_the_new_figure_when_a_parameter_of_a_verified_answer_is_edited() throws Exception {
    browser.get(fixture.url("/"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user"), "analista@datagent.local"));
    // an engineer asks a question the compiler answers and saves it with the region as a parameter
    ask("¿Cuántas centrales hay en la región CUYO?");
    WebElement first = answer(1);
    assertThat(first.findElement(By.cssSelector(".answer-text")).getText()).contains(String.valueOf(plants("CUYO")));
    WebElement open = first.findElement(By.cssSelector(".tq-open"));
    wait.until(ExpectedConditions.visibilityOf(open)).click();
    first.findElement(By.cssSelector(".tq-add")).click();
    first.findElement(By.cssSelector(".tq-name")).sendKeys("region");
    new Select(first.findElement(By.cssSelector(".tq-type"))).selectByValue("texto");
    first.findElement(By.cssSelector(".tq-value")).sendKeys("CUYO");
    first.findElement(By.cssSelector(".tq-save")).click();
    wait.until(ExpectedConditions.textToBePresentInElement(first.findElement(By.cssSelector(".tq-msg")),
        "Guardada como consulta verificada"));

    // a matching question is answered by the trusted query, its parameter shown and editable
    ask("¿Cuántas centrales hay en la región COMAHUE?");
    WebElement second = answer(2);
    assertThat(second.findElement(By.cssSelector(".answer-text")).getText()).contains("Consulta verificada")
        .contains("region = COMAHUE").contains("Resultado: " + plants("COMAHUE"));
    WebElement value = second.findElement(By.cssSelector(".tq-run-value[data-name='region']"));
    assertThat(value.getAttribute("value")).isEqualTo("COMAHUE");

    // editing the value re-runs the same trusted query with it
    value.clear();
    value.sendKeys("NOROESTE");
    second.findElement(By.cssSelector(".tq-rerun")).click();
    WebElement third = answer(3);
    assertThat(third.findElement(By.cssSelector(".answer-text")).getText()).contains("Consulta verificada")
        .contains("region = NOROESTE").contains("Resultado: " + plants("NOROESTE"));
    assertThat(plants("NOROESTE")).isNotEqualTo(plants("COMAHUE"));
    assertThat(third.findElement(By.cssSelector(".tq-run-value[data-name='region']")).getAttribute("value")).isEqualTo("NOROESTE");
    assertThat(Browser.consoleProblems(browser)).as("consola en /").isEmpty();
    Browser.screenshot(browser, "chat-consulta-verificada");
  }
}
