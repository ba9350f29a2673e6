package it.ponte.console;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) on the console, with a fresh profile
 * each time. Without the browser the test fails and says how to install it: a console test that silently skips proves
 * nothing.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("ponte.test.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("ponte.test.chromedriver", "/usr/bin/chromedriver"));

    private final String baseUrl;
    private final Path profile;
    final WebDriver driver;
    private final WebDriverWait wait;

    ConsoleBrowser(String baseUrl, String language) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The console's browser tests need Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": install them with 'apt-get install -y chromium chromium-driver' (.ci/run does), "
                    + "or name others with -Dponte.test.chromium=... -Dponte.test.chromedriver=...");
        }
        this.baseUrl = baseUrl;
        try {
            this.profile = Files.createTempDirectory("ponte-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--user-data-dir=" + profile, "--lang=" + language);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.wait = waiting(Duration.ofSeconds(30));
    }

    /** Signs in on the login page and waits for the console to be ready (its user and role known). */
    ConsoleBrowser logIn(String user) {
        String[] pair = user.split(":", 2);
        driver.get(baseUrl + "/console/");
        waitFor(d -> d.getCurrentUrl().contains("/console/login"));
        find("#username").sendKeys(pair[0]);
        find("#password").sendKeys(pair[1]);
        find("#login-submit").click();
        waitFor(d -> "true".equals(attribute("body", "data-ready")));
        return this;
    }

    WebElement find(String css) {
        return wait.until(d -> d.findElement(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** An attribute of the first element matching, "" when it has none (yet). */
    String attribute(String css, String name) {
        String value = driver.findElement(By.cssSelector(css)).getAttribute(name);
        return value == null ? "" : value;
    }

    /** Visible text of the first element matching, once it is there. */
    String text(String css) {
        return find(css).getText();
    }

    <T> T waitFor(ExpectedCondition<T> condition) {
        return wait.until(condition);
    }

    WebDriverWait waiting(Duration atMost) {
        // the page re-renders its tables and navigates after the login: an element may go stale between two looks
        WebDriverWait w = new WebDriverWait(driver, atMost, Duration.ofMillis(100));
        w.ignoring(StaleElementReferenceException.class);
        return w;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }
}
