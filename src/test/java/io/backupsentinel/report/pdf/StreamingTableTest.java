package io.backupsentinel.report.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StreamingTableTest {
    private static final String LONG = "newest restorable point 26h14m ago, after the last on-demand backup of the"
            + " table failed twice";

    @Test
    void a_long_value_wraps_in_its_cell_and_the_short_values_of_its_row_sit_on_its_first_line() throws Exception {
        List<String> lines = page(new String[] {"posture-0", "2026-02-13", LONG, "1226366"},
                new String[] {"posture-1", "2026-02-14", "short", "7"});

        // The text comes out in drawing order, a line break wherever the baseline changes: the short values drawn
        // directly share the baseline of the wrapped value's first line, and its second line is below them.
        String first = lines.stream().filter(l -> l.contains("posture-0")).findFirst().orElseThrow();
        assertThat(first).contains("2026-02-13", "newest restorable point").doesNotContain("twice");
        assertThat(lines).anySatisfy(l -> assertThat(l.strip()).isEqualTo("1226366"))
                .anySatisfy(l -> assertThat(l).contains("twice"));
        assertThat(lines.get(lines.size() - 1)).contains("posture-1", "2026-02-14", "short", "7");
    }

    @Test
    void a_row_is_as_tall_as_its_wrapped_value() throws Exception {
        String[][] oneLine = new String[30][];
        String[][] twoLines = new String[30][];
        for (int i = 0; i < 30; i++) {
            oneLine[i] = new String[] {"posture-" + i, "2026-02-13", "short", "1"};
            twoLines[i] = new String[] {"posture-" + i, "2026-02-13", LONG, "1"};
        }
        // Thirty one-line rows fit an A4 page across; thirty rows of two lines do not.
        assertThat(pages(write(oneLine))).isEqualTo(1);
        assertThat(pages(write(twoLines))).isEqualTo(2);
    }

    @Test
    void a_row_is_kept_on_one_page_so_each_value_is_drawn_once() throws Exception {
        String[][] rows = new String[60][];
        for (int i = 0; i < rows.length; i++) {
            // Several lines each, so that a page's last row would be split rather than left short.
            rows[i] = new String[] {"posture-" + i, "2026-02-13", LONG + "; " + LONG + "; " + LONG, "record-" + i};
        }
        byte[] pdf = write(rows);
        assertThat(pages(pdf)).isGreaterThan(2);
        String all = text(pdf);
        // A row split over two pages would draw its one-line values on both.
        for (int i = 0; i < rows.length; i++) {
            assertThat(all.split("record-" + i + "\\b", -1)).as("record-" + i).hasSize(2);
        }
        assertThat(all.replaceAll("\\s+", " ").split("failed twice", -1)).hasSize(3 * rows.length + 1);
    }

    @Test
    void a_row_taller_than_a_page_is_still_written_whole_across_pages() throws Exception {
        String huge = String.join(" ", java.util.Collections.nCopies(400, LONG));
        byte[] pdf = write(new String[] {"posture-0", "2026-02-13", huge, "record-0"},
                new String[] {"posture-1", "2026-02-14", "short", "record-1"});
        assertThat(pages(pdf)).isGreaterThan(2);
        String all = text(pdf);
        // Every word of every copy is there (a phrase may wrap, or straddle a page and its repeated header).
        assertThat(all.split("failed", -1)).hasSize(400 + 1);
        assertThat(all.split("twice", -1)).hasSize(400 + 1);
        assertThat(all).contains("record-1");
    }

    private static List<String> page(String[]... rows) throws Exception {
        PdfReader reader = new PdfReader(write(rows));
        try {
            return Arrays.asList(new PdfTextExtractor(reader).getTextFromPage(1).split("\n"));
        } finally {
            reader.close();
        }
    }

    /** Every page's text, one after another. */
    private static String text(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        try {
            StringBuilder all = new StringBuilder();
            for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                all.append(new PdfTextExtractor(reader).getTextFromPage(p)).append('\n');
            }
            return all.toString();
        } finally {
            reader.close();
        }
    }

    private static int pages(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        try {
            return reader.getNumberOfPages();
        } finally {
            reader.close();
        }
    }

    private static byte[] write(String[]... rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        PdfWriter.getInstance(document, out);
        document.open();
        StreamingTable table = new StreamingTable(document, new float[] {1, 1, 2, 1},
                new String[] {"Rule", "Start", "Observed", "Record"}, new boolean[] {false, true, false, true});
        for (String[] row : rows) {
            table.row(row);
        }
        table.finish();
        document.close();
        return out.toByteArray();
    }
}
