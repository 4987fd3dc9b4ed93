package io.backupsentinel.report.period;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.backupsentinel.report.ReportSeal;
import io.backupsentinel.report.SealCheck;
import io.backupsentinel.store.HistoryStore;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static io.backupsentinel.report.period.ScenarioHistory.*;
import static org.assertj.core.api.Assertions.assertThat;

class ReportFormatsTest {
    @TempDir
    static Path dir;
    static HistoryStore store;
    static PeriodReport report;

    @BeforeAll
    static void build() {
        store = ScenarioHistory.write(dir);
        report = PeriodReports.build(store.queries(), new ReportRequest(FROM, TO, ReportScope.all(), RULES, "1.0-test"), NOW);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static byte[] bytes(ReportFormat f) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        f.write(report, out);
        return out.toByteArray();
    }

    @Test
    void the_json_report_is_valid_against_the_published_schema() throws IOException {
        byte[] json = bytes(ReportFormat.JSON);
        Files.write(Path.of("target", "sample-report.json"), json);
        JsonNode doc = new ObjectMapper().readTree(json);
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/schemas/report.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        Set<ValidationMessage> errors = schema.validate(doc);
        assertThat(errors).isEmpty();
        assertThat(doc.path("violations")).hasSize(4);
        assertThat(doc.path("cover").path("head").path("seq").asLong()).isEqualTo(report.cover().head().seq());
    }

    @Test
    void the_schema_rejects_a_report_missing_a_section() throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode doc = (com.fasterxml.jackson.databind.node.ObjectNode)
                new ObjectMapper().readTree(bytes(ReportFormat.JSON));
        doc.remove("violations");
        try (InputStream in = getClass().getResourceAsStream("/schemas/report.schema.json")) {
            assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in).validate(doc)).isNotEmpty();
        }
    }

    @Test
    void no_csv_cell_can_start_a_formula_even_for_a_table_named_like_one() throws IOException {
        byte[] csv = bytes(ReportFormat.CSV);
        Files.write(Path.of("target", "sample-report.csv"), csv);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("'" + EVIL);
        try (CSVParser p = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
            List<CSVRecord> rows = p.getRecords();
            for (CSVRecord row : rows) {
                for (String cell : row) {
                    assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                            .doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
                }
            }
            assertThat(rows).filteredOn(r -> r.get(0).equals("times")).hasSize(report.times().size());
            assertThat(rows.get(rows.size() - 1).get(0)).isEqualTo("integrity");
        }
    }

    @Test
    void the_same_report_written_twice_is_the_same_bytes() throws IOException {
        PeriodReport again = PeriodReports.build(store.queries(), new ReportRequest(FROM, TO, ReportScope.all(), RULES,
                "1.0-test"), NOW.plusSeconds(3600));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportFormat.JSON.write(again, out);
        assertThat(out.toByteArray()).isEqualTo(bytes(ReportFormat.JSON));
    }

    @Test
    void an_untouched_report_verifies_and_names_the_record_it_cites() throws IOException {
        for (ReportFormat f : ReportFormat.values()) {
            SealCheck check = ReportSeal.verify(bytes(f));
            assertThat(check.problems()).as(f.name()).isEmpty();
            assertThat(check.ok()).isTrue();
            assertThat(check.format()).isEqualTo(f.extension());
            assertThat(check.head()).isEqualTo(report.cover().head());
        }
    }

    @Test
    void one_flipped_byte_in_a_violation_row_fails_and_names_the_section_and_line() throws IOException {
        // The PDF's content streams are compressed, so its rows cannot be found as text; PdfReportTest flips
        // a byte of a section there and checks the section named.
        for (ReportFormat f : List.of(ReportFormat.JSON, ReportFormat.CSV)) {
            byte[] b = bytes(f);
            String text = new String(b, StandardCharsets.UTF_8);
            int at = text.indexOf("age 1h 0m");
            int line = (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
            b[at] = 'A';
            SealCheck check = ReportSeal.verify(b);
            assertThat(check.ok()).as(f.name()).isFalse();
            assertThat(check.problems()).as(f.name()).anySatisfy(p ->
                    assertThat(p).startsWith("section violations was altered at line " + line + " of the file"));
        }
    }

    @Test
    void every_single_flipped_byte_anywhere_fails_verification() throws IOException {
        for (ReportFormat f : ReportFormat.values()) {
            byte[] b = bytes(f);
            // Every byte would be slow for large files; this one is a few kilobytes.
            for (int i = 0; i < b.length; i++) {
                byte[] copy = b.clone();
                copy[i] = (byte) (copy[i] ^ 0x01);
                assertThat(ReportSeal.verify(copy).ok()).as(f + " byte " + i).isFalse();
            }
        }
    }
}
