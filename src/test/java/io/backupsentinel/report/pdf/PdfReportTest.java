package io.backupsentinel.report.pdf;

import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.backupsentinel.report.ReportSeal;
import io.backupsentinel.report.SealCheck;
import io.backupsentinel.report.period.PeriodReport;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PdfReportTest {
    static byte[] pdf(PeriodReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfReport.write(report, out);
        return out.toByteArray();
    }

    static List<String> pages(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor text = new PdfTextExtractor(reader);
            List<String> pages = new ArrayList<>();
            for (int i = 1; i <= reader.getNumberOfPages(); i++) {
                pages.add(text.getTextFromPage(i));
            }
            return pages;
        } finally {
            reader.close();
        }
    }

    @Test
    void every_table_keeps_an_account_id_and_the_longest_region_names_on_one_line() throws IOException {
        // 14 characters, as wide as a 12-digit account ID: the widest of AWS's region names in this font.
        for (String region : List.of("ap-southeast-2", "cn-northwest-1")) {
            String text = String.join("\n", pages(pdf(ReportFixture.sized(4, 2, 90, false, region))));
            String tail = region.substring(region.indexOf('-') + 1);
            // Every row of every section, and the cover's scope: wrapped, the name's second half stands alone.
            assertThat(count(text, region)).isEqualTo(count(text, tail)).isEqualTo(8 + 2 + 4 + 1);
            assertThat(text).doesNotContainPattern("\\b1111\\d{0,7}\\n\\d");
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void the_pdf_opens_with_a_cover_a_chart_and_one_page_per_section_numbered_n_of_m() throws IOException {
        List<String> pages = pages(pdf(ReportFixture.small()));

        assertThat(pages).hasSize(10);
        assertThat(pages.get(0)).contains("Backup Sentinel audit report", "2026-09-01 00:00:00 UTC",
                "2026-11-30 00:00:00 UTC", "eu-west-1", "env=prod", "version 1.4.0-test",
                "2026-11-29 23:59:00 UTC", "record 1000, SHA-256 " + ReportFixture.HEAD_HASH);
        assertThat(pages.get(1)).contains("Compliance over the period", "rpo-within-1h-0", "rpo-within-1h-1",
                "compliant", "non-compliant", "unknown", "exempt", "not observed", "100%");
        List<String> headings = List.of("Rules", "Framework controls", "Time by rule and table", "Violations",
                "Exemptions", "Restore-test evidence", "Posture changes", "Backup storage");
        for (int i = 0; i < headings.size(); i++) {
            assertThat(pages.get(i + 2)).startsWith(headings.get(i));
        }
        for (int i = 0; i < pages.size(); i++) {
            // The total is a template drawn after "of", so text extraction may put it on the next line.
            assertThat(pages.get(i)).containsPattern("page " + (i + 1) + " of\\s*10");
        }
    }

    @Test
    void a_table_that_runs_to_three_pages_repeats_its_header_row_on_each() throws IOException {
        List<String> pages = pages(pdf(ReportFixture.sized(110, 1, 90, false)));

        List<String> timePages = new ArrayList<>();
        boolean inside = false;
        for (String page : pages) {
            inside = page.startsWith("Time by rule and table") || inside && !page.startsWith("Violations");
            if (inside) {
                timePages.add(page);
            }
        }
        assertThat(timePages).hasSizeGreaterThanOrEqualTo(3);
        assertThat(timePages).allSatisfy(page -> assertThat(page)
                .contains("Rule", "Account", "Table", "Non-compliant", "Not observed", "Status at end"));
        // Every row is somewhere, none lost at a page break.
        String all = String.join("\n", timePages);
        for (int t = 0; t < 110; t++) {
            assertThat(all).contains(ReportFixture.table(t));
        }
        assertThat(timePages.get(timePages.size() - 1)).doesNotContain(ReportFixture.table(0) + " ");
    }

    @Test
    void the_same_report_gives_the_same_bytes_even_a_second_later() throws Exception {
        PeriodReport report = ReportFixture.small();
        byte[] first = pdf(report);
        long second = Instant.now().getEpochSecond();
        while (Instant.now().getEpochSecond() == second) {
            Thread.sleep(50);
        }
        byte[] again = pdf(report);

        assertThat(again).isEqualTo(first);
    }

    @Test
    void the_creation_date_and_document_id_come_from_the_report_not_the_clock() throws IOException {
        PeriodReport report = ReportFixture.small();
        PdfReader reader = new PdfReader(pdf(report));
        try {
            assertThat(reader.getInfo().get("CreationDate")).startsWith("D:20261129235900");
            assertThat(reader.getInfo().get("ModDate")).startsWith("D:20261129235900");
            assertThat(reader.getInfo().get("Creator")).isEqualTo("Backup Sentinel 1.4.0-test");
            PdfArray ids = reader.getTrailer().getAsArray(PdfName.ID);
            assertThat(ids.size()).isEqualTo(2);
            assertThat(((PdfString) ids.getPdfObject(0)).getOriginalBytes()).isEqualTo(java.util.Arrays.copyOf(PdfReport.documentId(report), 16));
        } finally {
            reader.close();
        }
    }

    @Test
    void the_pdf_is_sealed_so_verify_accepts_it_and_one_changed_byte_anywhere_fails() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String sha = PdfReport.write(ReportFixture.small(), out);
        byte[] pdf = out.toByteArray();

        SealCheck ok = ReportSeal.verify(pdf);
        assertThat(ok.ok()).as("%s", ok.problems()).isTrue();
        assertThat(ok.format()).isEqualTo("pdf");
        assertThat(ok.sha256()).isEqualTo(sha);
        assertThat(ok.head().seq()).isEqualTo(1_000);
        int seal = new String(pdf, StandardCharsets.ISO_8859_1).lastIndexOf("%%EOF");
        // Every fifth byte of the body (a digest covers them all alike), every byte from %%EOF and the seal on.
        for (int i = 0; i < pdf.length; i += i < seal ? 5 : 1) {
            byte[] altered = pdf.clone();
            altered[i] ^= 0x01;
            assertThat(ReportSeal.verify(altered).ok()).as("byte %d of %d changed", i, pdf.length).isFalse();
        }
    }

    @Test
    void verify_names_the_section_whose_pages_were_altered() throws IOException {
        byte[] pdf = pdf(ReportFixture.small());
        String latin1 = new String(pdf, StandardCharsets.ISO_8859_1);
        // The violations section's pages come after the times section's, before the exemptions'.
        int at = latin1.indexOf("stream", latin1.indexOf("/Length", startOfPart(pdf, "violations")));
        byte[] altered = pdf.clone();
        altered[at + 10] ^= 0x01;

        SealCheck check = ReportSeal.verify(altered);

        assertThat(check.ok()).isFalse();
        assertThat(check.problems()).anySatisfy(p -> assertThat(p).startsWith("section violations was altered"));
    }

    private static int startOfPart(byte[] pdf, String part) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        String seal = text.substring(text.lastIndexOf("% backup-sentinel-seal "));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\"name\":\"" + part + "\",\"offset\":(\\d+)")
                .matcher(seal);
        assertThat(m.find()).as("the seal has a part %s: %s", part, seal).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void names_outside_the_built_in_font_are_written_as_code_points_instead_of_failing() throws IOException {
        // Long names wrap inside their cell; compare without the line breaks.
        String text = String.join("", pages(pdf(ReportFixture.small()))).replaceAll("\\s+", "");

        assertThat(text).contains("orders-[U+6771][U+4EAC]-[U+0141]\u00f3dz", "ticket[U+1F512]OPS-42");
    }

    @Test
    void a_report_with_no_rows_still_says_so_in_every_section() throws IOException {
        PeriodReport full = ReportFixture.small();
        PeriodReport empty = new PeriodReport(full.cover(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of());

        String text = String.join("\n", pages(pdf(empty)));

        assertThat(text).contains("No rule is in the report's scope.", "No violation in the period.",
                "No exemption was in force during the period.", "No posture change in the period.")
                .doesNotContain("Backup storage");
    }

    @Test
    void a_failing_output_stream_surfaces_as_an_io_exception() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }
        };

        assertThatThrownBy(() -> PdfReport.write(ReportFixture.small(), broken)).isInstanceOf(IOException.class)
                .hasMessageContaining("disk full");
    }
}
