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
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().withLogFile(new File(profile.toFile(), "chromedriver.log")).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return driver;
  }
}
