package io.bcsync.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian chromium through Debian's chromedriver, for the console's browser tests
 * (build-notes.md, "Browser tests"). Both paths are explicit, so Selenium never tries to download a
 * browser or a driver. Without them the test is skipped with the reason, except under {@code
 * CI=true}, where .ci/run installs them and their absence is a failure.
 */
public final class Browser {
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private Browser() {}

  /** Skips (or, in CI, fails) when chromium or chromedriver is not installed. */
  public static void requireInstalled() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException(
          "CI=true but "
              + CHROMIUM
              + " or "
              + CHROMEDRIVER
              + " is missing (.ci/run installs them)");
    }
    Assumptions.assumeTrue(
        present,
        "browser tests need Debian's chromium and chromium-driver"
            + " (apt-get install chromium chromium-driver); not installed here");
  }

  public static WebDriver start() {
    return start(null);
  }

  /**
   * A browser that saves downloads to {@code downloads} without asking (chromium's download
   * preferences), or one that downloads nothing when it is null.
   */
  public static WebDriver start(Path downloads) {
    requireInstalled();
    try {
      Path profile = Files.createTempDirectory("bcsync-chromium");
      ChromeOptions options = new ChromeOptions();
      if (downloads != null) {
        options.setExperimentalOption(
            "prefs",
            Map.of(
                "download.default_directory",
                downloads.toAbsolutePath().toString(),
                "download.prompt_for_download",
                false,
                "download.directory_upgrade",
                true,
                "safebrowsing.enabled",
                false));
      }
      options.setBinary(CHROMIUM.toFile());
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--window-size=1280,1000",
          "--user-data-dir=" + profile);
      ChromeDriverService service =
          new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
      return driver;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Saves a screenshot as {@code docs/screenshots/<name>.png} of the repository (the tests run in
   * the module's directory), for the README.
   */
  public static void screenshot(WebDriver driver, String name) {
    Path cwd = Path.of("").toAbsolutePath();
    Path root = Files.exists(cwd.resolve("docs")) ? cwd : cwd.getParent();
    Path file = root.resolve("docs").resolve("screenshots").resolve(name + ".png");
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
