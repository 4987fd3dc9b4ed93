package io.backupsentinel.report.period;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backupsentinel.report.ReportSeal;
import io.backupsentinel.report.pdf.ReportFixture;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RowChunksTest {
    /** Row {@code i} as its own line, after a random pause so that chunks finish out of order. */
    private static final RowChunks.Format NUMBERED = (from, to, size, out) -> {
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(200_000));
        for (int i = from; i < to; i++) {
            out.write((i + (i + 1 < size ? ",\n" : "\n")).getBytes(StandardCharsets.UTF_8));
        }
    };

    private static String sequential(int size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NUMBERED.write(0, size, size, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void rows_come_out_in_order_whatever_chunk_finishes_first() throws IOException {
        try (RowChunks chunks = new RowChunks()) {
            for (int size : List.of(0, 1, RowChunks.ROWS - 1, RowChunks.ROWS, RowChunks.ROWS + 1, 37 * RowChunks.ROWS + 5)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                chunks.write(size, NUMBERED, out);
                assertThat(out.toString(StandardCharsets.UTF_8)).as("%d rows", size).isEqualTo(sequential(size));
            }
        }
    }

    @Test
    void a_chunk_that_fails_fails_the_write_with_its_cause_and_nothing_after_it_is_written() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int failing = 3;
        RowChunks.Format format = (from, to, size, o) -> {
            if (from / RowChunks.ROWS == failing) {
                throw new IOException("disk full at row " + from);
            }
            NUMBERED.write(from, to, size, o);
        };
        try (RowChunks chunks = new RowChunks()) {
            assertThatThrownBy(() -> chunks.write(10 * RowChunks.ROWS, format, out))
                    .isInstanceOf(IOException.class).hasMessage("disk full at row " + failing * RowChunks.ROWS);
        }
        String all = sequential(10 * RowChunks.ROWS);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo(all.substring(0, all.indexOf("\n" + failing * RowChunks.ROWS + ",") + 1));
    }

    @Test
    void a_report_of_many_chunks_is_written_the_same_every_time_row_for_row_and_verifies() throws IOException {
        // 700 tables x 3 rules: every large section spans several chunks.
        PeriodReport report = ReportFixture.sized(700, 3, 30, true);
        assertThat(report.times()).hasSizeGreaterThan(5 * RowChunks.ROWS);
        for (ReportFormat format : List.of(ReportFormat.JSON, ReportFormat.CSV)) {
            byte[] first = write(format, report);
            assertThat(write(format, report)).as(format.name()).isEqualTo(first);
            assertThat(ReportSeal.verify(first).ok()).as(format.name()).isTrue();
        }
        JsonNode json = new ObjectMapper().readTree(write(ReportFormat.JSON, report));
        assertThat(json.path("times")).hasSize(report.times().size());
        for (int i = 0; i < report.times().size(); i++) {
            assertThat(json.path("times").get(i).path("table").asText()).isEqualTo(report.times().get(i).table());
        }
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(new String(write(ReportFormat.CSV, report),
                StandardCharsets.UTF_8))).getRecords();
        List<String> timeTables = rows.stream().filter(r -> r.get(0).equals("times")).map(r -> r.get(4)).toList();
        assertThat(timeTables).containsExactlyElementsOf(report.times().stream().map(RuleTableTime::table).toList());
    }

    private static byte[] write(ReportFormat format, PeriodReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(report, (OutputStream) out);
        return out.toByteArray();
    }
}
