package io.backupsentinel.testing;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Debian's headless Chromium driven by Debian's chromedriver through Selenium, with nothing downloaded (Selenium
 * Manager is bypassed by naming both binaries) and downloads landing in {@code downloads}. Skipped without the
 * packages, except on CI where it fails ({@link DebianProgram}).
 */
public final class Browser {
    private Browser() {
    }

    /** A new headless Chromium session; quit it when done. */
    public static ChromeDriver start(Path downloads) {
        Path chromium = DebianProgram.require("chromium", "chromium");
        Path driver = DebianProgram.require("chromedriver", "chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1280,1000");
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false,
                "plugins.always_open_pdf_externally", true));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile()).usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return browser;
    }

    /** Waits until a file whose name ends with {@code suffix} is fully downloaded into {@code dir}. */
    public static Path awaitDownload(Path dir, String suffix, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            try (var files = Files.list(dir)) {
                var done = files.filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst();
                if (done.isPresent() && Files.size(done.get()) > 0) {
                    return done.get();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no *" + suffix + " downloaded into " + dir + " within " + timeout);
    }
}
