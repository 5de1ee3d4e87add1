package io.datagent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.ingestion.api.ApiExtractJob;
import io.datagent.ingestion.api.ApiJobConfig;
import io.datagent.ingestion.api.SecretLookup;
import io.datagent.local.demo.DemoApiSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Datos page's "Fuentes API" in a real browser: the demo's fuel-price source (loaded from the replay of the
 * recorded response) with its run, and a source whose service cannot be reached with its error by source and page.
 */
class ApiSourcesBrowserTest extends SharedAppBrowserTest {

  @Test
  void should_list_the_demo_source_with_its_run_and_a_failed_source_with_its_page_on_the_datos_page() throws Exception {
    DemoApiSource.Result demo = DemoApiSource.load(fixture.runtime, Path.of("..").toAbsolutePath().normalize(), m -> { });
    assertThat(demo.note()).as(demo.summary()).isNull();
    assertThat(demo.records()).isEqualTo(1);
    Path uploads = fixture.runtime.workspace().uploads();
    Path broken = uploads.resolve("api/_sources/gasolineras_caidas.yml");
    Files.writeString(broken, "source: gasolineras_caidas\nbase_url: http://127.0.0.1:9/ServiciosRESTCarburantes\n"
        + "retry:\n  max_attempts: 1\n  timeout_seconds: 2\nendpoints:\n  - path: /EstacionesTerrestres\n"
        + "    table: gasolineras_caidas\n    records: ListaEESSPrecio\n    id: IDEESS\n");
    assertThat(ApiExtractJob.run(ApiJobConfig.parse("prueba", "--sources", broken.toString(), "--uploads", uploads.toString()),
        SecretLookup.DISABLED, m -> { })).isNotEmpty();

    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    browser.get(fixture.url("/datos"));
    By fuel = By.cssSelector("#api-sources article.api-source[data-source='" + demo.source() + "']");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(fuel, "Cargada"));
    String text = browser.findElement(fuel).getText();
    assertThat(text).contains(demo.tables().get(0)).contains("/EstacionesTerrestres/FiltroMunicipio/52")
        .contains("1 página(s), 1 registro(s) recibidos, 1 cargados").contains("Sin errores");
    WebElement failed = browser.findElement(By.cssSelector("#api-sources article.api-source[data-source='gasolineras_caidas']"));
    assertThat(failed.findElement(By.cssSelector(".last-run")).getText()).contains("Con error");
    String error = failed.findElement(By.cssSelector(".errors tbody tr")).getText();
    assertThat(error).contains("gasolineras_caidas").contains("Fuente gasolineras_caidas, página 1");
    assertThat(failed.findElements(By.cssSelector(".errors tbody td")).get(4).getText()).isEqualTo("1");
    assertThat(Browser.consoleProblems(browser)).as("consola en /datos").isEmpty();
    Browser.screenshot(browser, "datos-fuentes-api");
  }
}
