package io.backupsentinel.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backupsentinel.report.FindingFields;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code audit --sandbox} end to end: the real SDK over HTTP against the embedded demo world, judged by the
 * shipped example rules. Every (table, rule) gets the status the demo scenario was built to show, listed
 * in {@code src/test/resources/demo/expected-findings.txt}.
 */
class DemoAuditIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** ap-southeast-2 lets one DescribeContinuousBackups through per 10 s: which of its two tables wins varies. */
    private static final String THROTTLED_REGION = "111111111111/ap-southeast-2";

    @TempDir
    static Path dir;
    static int exitCode;
    static JsonNode report;

    @BeforeAll
    static void runTheDemoAudit() throws IOException {
        Path out = dir.resolve("demo.json");
        exitCode = Main.commandLine().execute("audit", "--sandbox", "--rules", "rules", "--format", "json",
                "--output", out.toString());
        report = JSON.readTree(out.toFile());
    }

    @Test
    void every_table_and_rule_gets_the_status_the_demo_was_built_to_show() throws IOException {
        List<String> expected = Files.readAllLines(Path.of("src/test/resources/demo/expected-findings.txt")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.trim().replaceAll("\\s+", " ")).toList();
        List<String> actual = new ArrayList<>();
        for (JsonNode f : report.get("findings")) {
            String where = f.get("account").asText() + "/" + f.get("region").asText();
            if (where.equals(THROTTLED_REGION) && f.get("rule").asText().matches("prod-pitr|prod-rpo")) {
                continue;
            }
            actual.add(where + " " + f.get("table").asText() + " " + f.get("rule").asText() + " "
                    + f.get("status").asText());
        }
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @Test
    void a_region_that_throttles_hard_makes_only_the_throttled_table_unknown_with_the_cause() {
        List<JsonNode> pitr = findings(THROTTLED_REGION, null, "prod-pitr");
        assertThat(pitr).hasSize(2);
        assertThat(pitr).extracting(f -> f.get("status").asText()).containsExactlyInAnyOrder("COMPLIANT", "UNKNOWN");
        JsonNode unknown = pitr.stream().filter(f -> f.get("status").asText().equals("UNKNOWN")).findFirst().orElseThrow();
        assertThat(unknown.get("message").asText()).contains("DescribeContinuousBackups").contains("Throttl");
        JsonNode rpo = findings(THROTTLED_REGION, unknown.get("table").asText(), "prod-rpo").get(0);
        assertThat(rpo.get("status").asText()).as("no other source proves the RPO, so it cannot be judged")
                .isEqualTo("UNKNOWN");
    }

    @Test
    void the_exit_code_says_a_finding_is_unknown() {
        assertThat(exitCode).isEqualTo(2);
        assertThat(report.get("collectionFailures")).isEmpty();
    }

    @Test
    void the_demo_shows_every_status() {
        JsonNode summary = report.get("summary");
        for (String status : List.of("COMPLIANT", "NON_COMPLIANT", "UNKNOWN", "EXEMPT")) {
            assertThat(summary.get(status).asLong()).as(status).isPositive();
        }
    }

    @Test
    void an_active_exemption_says_who_approved_it_and_an_expired_one_says_it_expired() {
        JsonNode exempt = findings("111111111111/us-east-1", "scratch", "nonprod-rpo").get(0);
        assertThat(exempt.get("status").asText()).isEqualTo("EXEMPT");
        assertThat(exempt.get("message").asText()).contains("jane.doe@example.com").contains("2027-06-30");
        JsonNode expired = findings("111111111111/us-east-1", "scratch", "nonprod-pitr").get(0);
        assertThat(expired.get("status").asText()).isEqualTo("NON_COMPLIANT");
        assertThat(expired.get("message").asText()).contains("exemption expired on 2026-10-01");
    }

    @Test
    void every_finding_carries_the_contract_fields() {
        for (JsonNode f : report.get("findings")) {
            for (String field : FindingFields.COLUMNS) {
                assertThat(f.has(field)).as(field + " in " + f).isTrue();
            }
            assertThat(f.get("tableArn").asText()).startsWith("arn:aws:dynamodb:" + f.get("region").asText() + ":"
                    + f.get("account").asText() + ":table/" + f.get("table").asText());
            assertThat(Instant.parse(f.get("evaluatedAt").asText())).isNotNull();
            assertThat(f.get("observed").asText()).isNotBlank();
            assertThat(f.get("expected").asText()).isNotBlank();
            assertThat(f.get("message").asText()).isNotBlank();
        }
    }

    private static List<JsonNode> findings(String where, String table, String rule) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode f : report.get("findings")) {
            if ((f.get("account").asText() + "/" + f.get("region").asText()).equals(where)
                    && (table == null || Objects.equals(f.get("table").asText(), table))
                    && f.get("rule").asText().equals(rule)) {
                out.add(f);
            }
        }
        return out;
    }
}
