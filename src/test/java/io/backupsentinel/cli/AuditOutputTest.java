package io.backupsentinel.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backupsentinel.engine.AuditResult;
import io.backupsentinel.engine.CollectionFailure;
import io.backupsentinel.model.Finding;
import io.backupsentinel.model.Severity;
import io.backupsentinel.model.Status;
import io.backupsentinel.model.Target;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuditOutputTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Finding HOSTILE = new Finding("111111111111", "us-east-1", "=HYPERLINK(\"http://x\")",
            "arn:aws:dynamodb:us-east-1:111111111111:table/=HYPERLINK", "prod-rpo", "rpo", Severity.CRITICAL,
            Status.NON_COMPLIANT, "+1 day", "@ most 1h", "-rm", NOW);
    private static final AuditResult RESULT = new AuditResult(NOW, Duration.ofSeconds(3), List.of(HOSTILE),
            List.of(new CollectionFailure(new Target("222222222222", "eu-west-1"), "AccessDenied")),
            Map.of("ListTables", 2L), 1);

    @Test
    void csv_cells_that_a_spreadsheet_would_run_as_formulas_are_neutralised() throws Exception {
        StringWriter out = new StringWriter();
        AuditOutput.write(RESULT, OutputFormat.csv, out);
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
        AuditOutput.write(RESULT, OutputFormat.json, out);
        JsonNode root = new ObjectMapper().readTree(out.toString());
        JsonNode f = root.get("findings").get(0);
        assertThat(f.get("table").asText()).isEqualTo("=HYPERLINK(\"http://x\")");
        assertThat(f.get("severity").asText()).isEqualTo("critical");
        assertThat(f.get("evaluatedAt").asText()).isEqualTo("2026-11-25T12:00:00Z");
        assertThat(root.get("summary").get("NON_COMPLIANT").asInt()).isEqualTo(1);
        assertThat(root.get("collectionFailures").get(0).get("cause").asText()).isEqualTo("AccessDenied");
    }

    @Test
    void text_ends_with_a_summary_line_and_names_failed_collections() throws Exception {
        StringWriter out = new StringWriter();
        AuditOutput.write(RESULT, OutputFormat.text, out);
        assertThat(out.toString()).contains("collection failed for 222222222222/eu-west-1: AccessDenied")
                .contains("1 findings on 1 tables in 3s: 0 compliant, 1 non-compliant, 0 unknown, 0 exempt; 2 AWS requests");
    }
}
