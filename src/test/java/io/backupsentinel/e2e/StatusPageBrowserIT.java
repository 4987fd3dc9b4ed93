package io.backupsentinel.e2e;

import io.backupsentinel.testing.Browser;
import io.backupsentinel.testing.DebianProgram;
import io.backupsentinel.testing.FreePort;
import io.backupsentinel.testing.SentinelJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The status page as its users meet it: a running {@code demo} (the packaged jar, as the README starts it), Debian's
 * headless Chromium driven through Selenium. The on-call engineer logs in with the credentials {@code demo} printed,
 * filters the findings, opens a table and reads its runbook; the compliance officer downloads a PDF report, reads
 * it with poppler ({@code pdftotext}, {@code pdftoppm}) and checks it with {@code verify}, which fails once a single
 * byte is changed.
 */
class StatusPageBrowserIT {
    private static final Pattern VIEWER_LOGIN = Pattern.compile("user viewer, password (\\S+)");

    @Test
    void a_viewer_logs_in_filters_findings_reads_a_runbook_and_downloads_a_report_that_verifies(
            @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
        Path pdftotext = DebianProgram.require("pdftotext", "poppler-utils");
        Path pdftoppm = DebianProgram.require("pdftoppm", "poppler-utils");
        int port = FreePort.find();
        Path log = dir.resolve("demo.log");
        Path downloads = Files.createDirectories(dir.resolve("downloads"));
        Process demo = SentinelJar.command(Map.of(), List.of("demo", "--port", String.valueOf(port),
                        "--data-dir", dir.resolve("data").toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ChromeDriver started = null;
        try {
            String base = "http://127.0.0.1:" + port;
            awaitReady(demo, log, URI.create(base + "/-/ready"));
            String password = viewerPassword(log);
            started = Browser.start(downloads);
            ChromeDriver browser = started;

            // Any page asks for a login first, then comes back to where the user was going.
            browser.get(base + "/findings");
            assertThat(browser.getCurrentUrl()).contains("/login");
            browser.findElement(By.id("username")).sendKeys("viewer");
            browser.findElement(By.id("password")).sendKeys(password);
            browser.findElement(By.cssSelector("form[action='/login'] button[type='submit']")).click();
            awaitUrl(browser, "/findings");

            // Filter the findings on the server: every row shown has the status asked for.
            new Select(browser.findElement(By.id("f-status"))).selectByValue("NON_COMPLIANT");
            browser.findElement(By.cssSelector("form.filter button[type='submit']")).click();
            awaitUrl(browser, "status=NON_COMPLIANT");
            List<WebElement> rows = browser.findElements(By.cssSelector("main table tbody tr"));
            assertThat(rows).isNotEmpty();
            assertThat(rows).allSatisfy(r -> assertThat(r.findElements(By.cssSelector(".badge")))
                    .extracting(WebElement::getText).containsExactly("Non-compliant"));

            // Open a table from the filtered list and read its runbook.
            WebElement tableLink = browser.findElement(By.cssSelector("main table tbody a[href^='/tables/']"));
            String tableName = tableLink.getText();
            tableLink.click();
            awaitUrl(browser, "/tables/");
            assertThat(browser.findElement(By.tagName("h1")).getText()).contains(tableName);
            String runbook = browser.findElement(By.id("runbook")).getText();
            assertThat(runbook).contains("aws ").contains(tableName).contains("--region");

            // Download a PDF report of the demo's history so far.
            browser.get(base + "/reports");
            new Select(browser.findElement(By.id("r-format"))).selectByValue("pdf");
            String from = browser.findElement(By.id("r-from")).getAttribute("value");
            browser.findElement(By.cssSelector("form#report-form button[type='submit']")).click();
            Path pdf = Browser.awaitDownload(downloads, ".pdf", Duration.ofSeconds(60));

            String text = run(pdftotext.toString(), "-layout", pdf.toString(), "-");
            assertThat(text).contains(from.substring(0, 10)).contains("carts");
            Path png = dir.resolve("page");
            run(pdftoppm.toString(), "-png", "-r", "50", "-f", "1", "-l", "1", pdf.toString(), png.toString());
            Path first;
            try (var files = Files.list(dir)) {
                first = files.filter(p -> p.getFileName().toString().startsWith("page") && p.toString().endsWith(".png"))
                        .findFirst().orElseThrow();
            }
            assertThat(nonWhitePixels(ImageIO.read(first.toFile()))).as("the cover page is not blank").isGreaterThan(500);

            SentinelJar.Result ok = SentinelJar.run(Map.of(), "verify", pdf.toString());
            assertThat(ok.exit()).as(ok.output()).isZero();
            byte[] bytes = Files.readAllBytes(pdf);
            bytes[bytes.length / 2] ^= 0x01;
            Path altered = Files.write(dir.resolve("altered.pdf"), bytes);
            SentinelJar.Result bad = SentinelJar.run(Map.of(), "verify", altered.toString());
            assertThat(bad.exit()).as(bad.output()).isEqualTo(1);
        } finally {
            if (started != null) {
                started.quit();
            }
            demo.destroy();
            if (!demo.waitFor(30, TimeUnit.SECONDS)) {
                demo.destroyForcibly();
            }
        }
    }

    private static void awaitReady(Process demo, Path log, URI ready) {
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!demo.isAlive()) {
                throw new AssertionError("demo exited:\n" + SentinelJar.tail(log, 40));
            }
            try {
                return http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200;
            } catch (java.io.IOException notYet) {
                return false;
            }
        });
    }

    /** Waits until the browser is at a URL containing {@code part}; fails with the page it is on instead. */
    private static void awaitUrl(ChromeDriver browser, String part) {
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> browser.getCurrentUrl().contains(part));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("still at " + browser.getCurrentUrl() + ", not at *" + part + "*:\n"
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    private static String viewerPassword(Path log) throws Exception {
        Matcher m = VIEWER_LOGIN.matcher(Files.readString(log, StandardCharsets.UTF_8));
        assertThat(m.find()).as("demo prints how to log in:\n" + SentinelJar.tail(log, 20)).isTrue();
        return m.group(1);
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
        return out;
    }

    private static int nonWhitePixels(BufferedImage image) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    count++;
                }
            }
        }
        return count;
    }
}
