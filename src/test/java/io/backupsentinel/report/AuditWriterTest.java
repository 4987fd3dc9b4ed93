package io.backupsentinel.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backupsentinel.model.AuditResult;
import io.backupsentinel.model.CollectionFailure;
import io.backupsentinel.model.Finding;
import io.backupsentinel.model.RuleReach;
import io.backupsentinel.model.Severity;
import io.backupsentinel.model.Status;
import io.backupsentinel.model.Target;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuditWriterTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Finding HOSTILE = new Finding("111111111111", "us-east-1", "=HYPERLINK(\"http://x\")",
            "arn:aws:dynamodb:us-east-1:111111111111:table/=HYPERLINK", "prod-rpo", "rpo", Severity.CRITICAL,
            Status.NON_COMPLIANT, "+1 day", "@ most 1h", "-rm", NOW);
    private static final AuditResult RESULT = new AuditResult(NOW, Duration.ofSeconds(3), List.of(HOSTILE),
            List.of(new CollectionFailure(new Target("222222222222", "eu-west-1"), "AccessDenied")),
            Map.of("ListTables", 2L), 1);

    /**
     * The result the golden files under {@code src/test/resources/report/} were written from by the writers
     * before they moved out of {@code cli}: a hostile and a compliant finding, a failed collection, and rules
     * with and without reach. One request kind only, since {@code Map.copyOf} does not keep an order.
     */
    private static final AuditResult GOLDEN = new AuditResult(NOW, Duration.ofMillis(3250), List.of(
            new Finding("111111111111", "us-east-1", "=HYPERLINK(\"http://x\")",
                    "arn:aws:dynamodb:us-east-1:111111111111:table/=HYPERLINK", "prod-rpo", "rpo", Severity.CRITICAL,
                    Status.NON_COMPLIANT, "+1 day", "@ most 1h", "-rm, \"quoted\"\nnext", NOW),
            new Finding("111111111111", "us-east-1", "orders", "arn:aws:dynamodb:us-east-1:111111111111:table/orders",
                    "pitr-on", "pitr", Severity.HIGH, Status.COMPLIANT, "enabled", "enabled", "PITR is on",
                    NOW.plusMillis(1500))),
            List.of(new CollectionFailure(new Target("222222222222", "eu-west-1"), "AccessDenied")),
            Map.of("ListTables", 2L), 2, List.of(new RuleReach("prod-rpo", 1, false),
            new RuleReach("pitr-on", 1, false), new RuleReach("ghost", 0, false), new RuleReach("maybe", 0, true)));

    @ParameterizedTest
    @CsvSource({"json, audit.json", "csv, audit.csv", "text, audit.txt"})
    void every_format_prints_exactly_the_bytes_the_audit_command_printed_before(AuditFormat format, String golden)
            throws IOException {
        StringWriter out = new StringWriter();
        AuditWriter.write(GOLDEN, format, out);
        assertThat(out.toString()).isEqualTo(resource(golden));
    }

    @Test
    void csv_cells_that_a_spreadsheet_would_run_as_formulas_are_neutralised() throws Exception {
        StringWriter out = new StringWriter();
        AuditWriter.write(RESULT, AuditFormat.csv, out);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out.toString())).getRecords();
        CSVRecord row = rows.get(0);
        assertThat(row.get("table")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(row.get("observed")).isEqualTo("'+1 day");
        assertThat(row.get("expected")).isEqualTo("'@ most 1h");
        assertThat(row.get("message")).isEqualTo("'-rm");
        assertThat(row.get("status")).isEqualTo("NON_COMPLIANT");
    }

    @Test
    void json_carries_the_finding_contract_the_summary_and_the_failures() throws Exception {
        StringWriter out = new StringWriter();
        AuditWriter.write(RESULT, AuditFormat.json, out);
        JsonNode root = new ObjectMapper().readTree(out.toString());
        JsonNode f = root.get("findings").get(0);
        assertThat(f.fieldNames()).toIterable().containsExactlyElementsOf(FindingFields.COLUMNS);
        assertThat(f.get("table").asText()).isEqualTo("=HYPERLINK(\"http://x\")");
        assertThat(f.get("severity").asText()).isEqualTo("critical");
        assertThat(f.get("evaluatedAt").asText()).isEqualTo("2026-11-25T12:00:00Z");
        assertThat(root.get("summary").get("NON_COMPLIANT").asInt()).isEqualTo(1);
        assertThat(root.get("collectionFailures").get(0).get("cause").asText()).isEqualTo("AccessDenied");
    }

    @Test
    void text_ends_with_a_summary_line_and_names_failed_collections() throws Exception {
        StringWriter out = new StringWriter();
        AuditWriter.write(RESULT, AuditFormat.text, out);
        assertThat(out.toString()).contains("collection failed for 222222222222/eu-west-1: AccessDenied")
                .contains("1 findings on 1 tables in 3s: 0 compliant, 1 non-compliant, 0 unknown, 0 exempt; 2 AWS requests");
    }

    @Test
    void a_finding_missing_a_field_prints_it_as_null_in_json_and_empty_in_csv() throws Exception {
        Finding partial = new Finding("111111111111", "us-east-1", "orders", null, "prod-rpo", "rpo", Severity.LOW,
                Status.UNKNOWN, "?", "?", "no facts", NOW);
        assertThat(AuditJson.finding(partial).get("tableArn").isNull()).isTrue();
        StringWriter out = new StringWriter();
        FindingCsv.write(List.of(partial), out);
        assertThat(out.toString()).contains("us-east-1,orders,,prod-rpo");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = AuditWriterTest.class.getResourceAsStream("/report/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
