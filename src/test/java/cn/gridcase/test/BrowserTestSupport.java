package cn.gridcase.test;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of browser tests: Debian's {@code chromium}, headless, driven through Debian's {@code
 * chromedriver} (Selenium is given both paths, so it downloads nothing), against the application of
 * the shared Spring test configuration on its random port. One browser per test JVM, shared by its
 * browser test classes, with a fresh profile directory and locale zh-CN; cookies are cleared and
 * the window set to 1280×900 before every test, so each test starts logged out. {@code
 * GRIDCASE_CHROMIUM} and {@code GRIDCASE_CHROMEDRIVER} point elsewhere; {@code .ci/run} installs
 * the packages when they are missing.
 */
public abstract class BrowserTestSupport extends ApiTestSupport {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String CHROMIUM = setting("GRIDCASE_CHROMIUM", "/usr/bin/chromium");
  private static final String CHROMEDRIVER =
      setting("GRIDCASE_CHROMEDRIVER", "/usr/bin/chromedriver");

  private static WebDriver driver;
  private static Path profile;

  protected WebDriver browser;

  @BeforeEach
  void freshSession() throws IOException {
    if (driver == null) {
      driver = start();
      quitAtExit();
    }
    browser = driver;
    browser.manage().window().setSize(new Dimension(1280, 900));
    // a page of the application first: cookies can only be cleared for the site that is open
    browser.get(url("/login"));
    browser.manage().deleteAllCookies();
    // the webapps (Tasklist, Cockpit) keep state in the browser's storage: none of it may reach the
    // next test, of this class or of the next one sharing the browser
    ((JavascriptExecutor) browser)
        .executeScript("window.localStorage.clear(); window.sessionStorage.clear();");
  }

  /**
   * The browser stays open for the test classes after this one in the same JVM (a start costs
   * seconds of both cores); it is closed, and its profile removed, when the JVM ends.
   */
  private static void quitAtExit() {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    driver.quit();
                  } catch (RuntimeException e) {
                    // the JVM is ending: a browser that is gone already is fine
                  }
                  try (var files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
                  } catch (IOException | RuntimeException e) {
                    // a temporary directory left behind
                  }
                },
                "close-chromium"));
  }

  private static WebDriver start() throws IOException {
    for (String program : new String[] {CHROMIUM, CHROMEDRIVER}) {
      if (!Files.isExecutable(Path.of(program))) {
        throw new IllegalStateException(
            program
                + " is missing: the browser tests need Debian's chromium and chromium-driver"
                + " (apt-get install -y chromium chromium-driver fonts-noto-cjk; .ci/run does it)");
      }
    }
    profile = Files.createTempDirectory("gridcase-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--user-data-dir=" + profile,
        "--lang=zh-CN",
        "--window-size=1280,900");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    ChromeDriver chrome = new ChromeDriver(service, options);
    chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return chrome;
  }

  private static String setting(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  protected String url(String path) {
    return "http://localhost:" + port + path;
  }

  protected void open(String path) {
    browser.get(url(path));
  }

  /** The path of the page now shown (no host, no query). */
  protected String currentPath() {
    return URI.create(browser.getCurrentUrl()).getPath();
  }

  protected WebElement find(String css) {
    return browser.findElement(By.cssSelector(css));
  }

  protected List<WebElement> findAll(String css) {
    return browser.findElements(By.cssSelector(css));
  }

  /** Fills the login page as a user would: by the fields' labels, then the 登录 button. */
  protected void logIn(String username, String password) {
    open("/login");
    fieldLabelled("账号").sendKeys(username);
    fieldLabelled("密码").sendKeys(password);
    clickAndWaitForPage(button("登录"));
  }

  /**
   * Clicks what leads to another page and waits until that page has loaded: a click returns before
   * the browser has left the old page, so reading right after it could read the old one.
   */
  protected void clickAndWaitForPage(WebElement element) {
    WebElement oldPage = find("html");
    element.click();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    wait.until(driver -> isGone(oldPage));
    wait.until(
        driver ->
            "complete"
                .equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
  }

  /**
   * Whether an element of the page the browser has left is gone. Chromium answers a question about
   * it either as stale or, while the new document replaces the old, with "Node with given id does
   * not belong to the document": both mean the old page is gone.
   */
  private static boolean isGone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (StaleElementReferenceException e) {
      return true;
    } catch (WebDriverException e) {
      if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }

  /** The input a {@code <label>} with this text names (its {@code for}). */
  protected WebElement fieldLabelled(String label) {
    WebElement element =
        browser.findElement(By.xpath("//label[normalize-space(.)='" + label + "']"));
    return browser.findElement(By.id(element.getDomAttribute("for")));
  }

  protected WebElement button(String name) {
    return browser.findElement(By.xpath("//button[normalize-space(.)='" + name + "']"));
  }

  /**
   * Saves the whole page, also what lies below the window, as target/screenshots/{name}.png
   * (through the DevTools protocol of chromium), and returns the file.
   */
  @SuppressWarnings("unchecked")
  protected Path fullPageScreenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    ChromeDriver chrome = (ChromeDriver) browser;
    Map<String, Object> metrics = chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of());
    Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
    Map<String, Object> clip =
        Map.of(
            "x",
            0,
            "y",
            0,
            "width",
            ((Number) size.get("width")).doubleValue(),
            "height",
            ((Number) size.get("height")).doubleValue(),
            "scale",
            1);
    Map<String, Object> shot =
        chrome.executeCdpCommand(
            "Page.captureScreenshot",
            Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
    Path target = SCREENSHOTS.resolve(name + ".png");
    Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
    return target;
  }

  /**
   * Lets the browser save downloads (headless Chromium refuses them by default) into a new
   * temporary directory, which it returns.
   */
  protected Path allowDownloads() throws IOException {
    Path directory = Files.createTempDirectory("gridcase-downloads-");
    ((HasCdp) browser)
        .executeCdpCommand(
            "Browser.setDownloadBehavior",
            Map.of("behavior", "allow", "downloadPath", directory.toAbsolutePath().toString()));
    return directory;
  }

  /** Waits until a finished download whose name ends with {@code suffix} is in the directory. */
  protected Path awaitDownload(Path directory, String suffix) {
    return new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(
            driver -> {
              try (var files = Files.list(directory)) {
                return files
                    .filter(f -> f.getFileName().toString().endsWith(suffix))
                    .findFirst()
                    .orElse(null);
              } catch (IOException e) {
                return null;
              }
            });
  }

  /** Saves what the browser shows as target/screenshots/{name}.png, and returns the file. */
  protected Path screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path target = SCREENSHOTS.resolve(name + ".png");
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    return target;
  }
}
