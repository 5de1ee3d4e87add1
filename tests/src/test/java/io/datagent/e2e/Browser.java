package io.datagent.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from the system packages ({@code apt-get install chromium chromium-driver}), driven through the
 * system chromedriver: no Selenium Manager, no downloads. Flags suit running as root in a container; each browser
 * gets a fresh profile.
 */
final class Browser {

  static final Path CHROMIUM = Path.of(System.getProperty("datagent.chromium", "/usr/bin/chromium"));
  static final Path DRIVER = Path.of(System.getProperty("datagent.chromedriver", "/usr/bin/chromedriver"));

  private Browser() {}

  static ChromeDriver open() {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
      throw new IllegalStateException("Los tests de extremo a extremo necesitan Chromium y su driver: "
          + "apt-get install chromium chromium-driver (no se encontró " + CHROMIUM + " o " + DRIVER + ")");
    }
    Path profile;
    try {
      profile = Files.createTempDirectory("datagent-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--window-size=1280,900", "--user-data-dir=" + profile);
    // Console messages (CSP violations among them) are read back by the tests.
    options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().withLogFile(new File(profile.toFile(), "chromedriver.log")).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return driver;
  }

  private static final java.util.Map<ChromeDriver, java.util.List<String>> PEEKED =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  /** The browser console's warnings and errors since the last call (Chromium reports CSP violations there). */
  static java.util.List<String> consoleProblems(ChromeDriver driver) {
    java.util.List<String> out = new java.util.ArrayList<>(peekConsole(driver));
    PEEKED.remove(driver);
    return out;
  }

  /** Like {@link #consoleProblems} but keeps what it read for the next call. */
  static java.util.List<String> peekConsole(ChromeDriver driver) {
    java.util.List<String> seen = PEEKED.computeIfAbsent(driver, d -> new java.util.ArrayList<>());
    driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
        .map(e -> e.getLevel() + " " + e.getMessage()).forEach(seen::add);
    return seen;
  }

  /** Saves what the browser shows as {@code target/screenshots/<name>.png} (kept by CI with the test reports). */
  static void screenshot(ChromeDriver driver, String name) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "screenshots"));
      Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
