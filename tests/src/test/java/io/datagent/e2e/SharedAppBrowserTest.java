package io.datagent.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.chrome.ChromeDriver;

/** A browser test on the JVM's shared local App: a fresh headless Chromium per test, closed after it. */
abstract class SharedAppBrowserTest {

  static LocalAppFixture fixture;
  ChromeDriver browser;

  @BeforeAll
  static void startApp() throws Exception {
    fixture = LocalAppFixture.shared();
  }

  @BeforeEach
  void openBrowser() {
    browser = Browser.open();
  }

  @AfterEach
  void closeBrowser() {
    browser.quit();
  }
}
