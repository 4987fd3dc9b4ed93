package io.backupsentinel.report.pdf;

import io.backupsentinel.report.ReportSeal;
import io.backupsentinel.testing.DebianProgram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sealed PDF report read by another program than the one that wrote it: Debian's poppler-utils
 * ({@code pdftotext}, {@code pdftoppm}), which also shows that the seal after {@code %%EOF} does not upset a reader.
 */
class PdfReportPopplerIT {
    @TempDir
    Path dir;

    @Test
    void pdftotext_reads_the_period_and_the_table_names_of_a_sealed_report() throws Exception {
        Path pdftotext = DebianProgram.require("pdftotext", "poppler-utils");
        Path pdf = write();
        Path txt = dir.resolve("report.txt");

        run(List.of(pdftotext.toString(), "-layout", pdf.toString(), txt.toString()));

        String text = Files.readString(txt, StandardCharsets.UTF_8);
        assertThat(text).contains("Backup Sentinel audit report", "2026-09-01 00:00:00 UTC",
                "2026-11-30 00:00:00 UTC", "chain head 1000", "page 1 of 10", "page 10 of 10");
        for (int t = 0; t < 4; t++) {
            assertThat(text).contains(t == 1 ? "orders-[U+6771][U+4EAC]-" : ReportFixture.table(t));
        }
        assertThat(ReportSeal.verify(Files.readAllBytes(pdf)).ok()).isTrue();
    }

    @Test
    void pdftoppm_renders_the_cover_and_the_chart_with_ink_on_them() throws Exception {
        Path pdftoppm = DebianProgram.require("pdftoppm", "poppler-utils");
        Path pdf = write();

        run(List.of(pdftoppm.toString(), "-png", "-r", "50", "-f", "1", "-l", "2", pdf.toString(),
                dir.resolve("page").toString()));

        BufferedImage cover = ImageIO.read(onlyPng("page", "1").toFile());
        assertThat(cover.getWidth()).isGreaterThan(cover.getHeight()).as("landscape");
        assertThat(count(cover, rgb -> rgb != 0xffffff)).as("non-white pixels on the cover").isGreaterThan(500);
        BufferedImage chart = ImageIO.read(onlyPng("page", "2").toFile());
        // The compliant segments are drawn in green (#2e7d32) as vector graphics: they must be rendered.
        assertThat(count(chart, rgb -> green(rgb))).as("green pixels of the compliant bars").isGreaterThan(500);
    }

    private Path write() throws IOException {
        Path pdf = dir.resolve("report.pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            PdfReport.write(ReportFixture.small(), out);
        }
        return pdf;
    }

    private Path onlyPng(String prefix, String page) throws IOException {
        // pdftoppm pads the page number to the width of the last page's number.
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches(prefix + "-0*" + page + "\\.png"))
                    .findFirst().orElseThrow(() -> new AssertionError("pdftoppm wrote no page " + page));
        }
    }

    private static boolean green(int rgb) {
        int r = rgb >> 16 & 0xff;
        int g = rgb >> 8 & 0xff;
        int b = rgb & 0xff;
        return g > 90 && g - r > 50 && g - b > 50;
    }

    private static long count(BufferedImage image, java.util.function.IntPredicate pixel) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (pixel.test(image.getRGB(x, y) & 0xffffff)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command.get(0)).isTrue();
        assertThat(p.exitValue()).as("%s exit code; output: %s", command.get(0), output).isZero();
        // poppler prints "Syntax Error" / "Syntax Warning" for a malformed file (e.g. a bad trailer) but exits 0.
        assertThat(output).as("%s output", command.get(0)).doesNotContainIgnoringCase("error")
                .doesNotContainIgnoringCase("warning");
    }
}
