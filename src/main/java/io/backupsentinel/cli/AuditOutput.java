package io.backupsentinel.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupsentinel.engine.AuditResult;
import io.backupsentinel.engine.CollectionFailure;
import io.backupsentinel.engine.RuleReach;
import io.backupsentinel.model.Durations;
import io.backupsentinel.model.Finding;
import io.backupsentinel.model.Status;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints an audit's findings as JSON, CSV or a text table. */
final class AuditOutput {
    static final List<String> COLUMNS = List.of("account", "region", "table", "tableArn", "rule", "check",
            "severity", "status", "observed", "expected", "message", "evaluatedAt");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AuditOutput() {
    }

    static void write(AuditResult result, OutputFormat format, Writer out) throws IOException {
        switch (format) {
            case json -> json(result, out);
            case csv -> csv(result, out);
            case text -> text(result, out);
        }
        out.flush();
    }

    static ObjectNode findingJson(Finding f) {
        ObjectNode n = JSON.createObjectNode();
        n.put("account", f.account());
        n.put("region", f.region());
        n.put("table", f.table());
        n.put("tableArn", f.tableArn());
        n.put("rule", f.rule());
        n.put("check", f.check());
        n.put("severity", f.severity().label());
        n.put("status", f.status().name());
        n.put("observed", f.observed());
        n.put("expected", f.expected());
        n.put("message", f.message());
        n.put("evaluatedAt", f.evaluatedAt().toString());
        return n;
    }

    private static void json(AuditResult r, Writer out) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("startedAt", r.startedAt().toString());
        root.put("durationSeconds", r.duration().toMillis() / 1000.0);
        root.put("tables", r.tables());
        ObjectNode summary = root.putObject("summary");
        r.countByStatus().forEach((s, n) -> summary.put(s.name(), n));
        ArrayNode failures = root.putArray("collectionFailures");
        for (CollectionFailure f : r.failures()) {
            failures.addObject().put("account", f.target().account()).put("region", f.target().region())
                    .put("cause", f.cause());
        }
        ObjectNode requests = root.putObject("awsRequests");
        r.requests().forEach(requests::put);
        ArrayNode rules = root.putArray("rules");
        for (RuleReach reach : r.rules()) {
            rules.addObject().put("rule", reach.rule()).put("tables", reach.tables())
                    .put("allowEmpty", reach.allowEmpty());
        }
        ArrayNode findings = root.putArray("findings");
        r.findings().forEach(f -> findings.add(findingJson(f)));
        JSON.writeValue(new NonClosingWriter(out), root);
        out.write(System.lineSeparator());
    }

    private static void csv(AuditResult r, Writer out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new))
                .get());
        for (Finding f : r.findings()) {
            printer.printRecord(SpreadsheetSafe.cells(f.account(), f.region(), f.table(), f.tableArn(), f.rule(),
                    f.check(), f.severity().label(), f.status().name(), f.observed(), f.expected(), f.message(),
                    f.evaluatedAt().toString()));
        }
        printer.flush();
    }

    private static void text(AuditResult r, Writer w) {
        PrintWriter out = new PrintWriter(w);
        String fmt = "%-13s %-8s %-27s %-16s %-22s %s%n";
        out.printf(fmt, "STATUS", "SEVERITY", "ACCOUNT/REGION", "TABLE", "RULE", "OBSERVED / MESSAGE");
        for (Finding f : r.findings()) {
            out.printf(fmt, f.status(), f.severity().label(), f.account() + "/" + f.region(), f.table(), f.rule(),
                    f.observed());
            if (f.status() != Status.COMPLIANT) {
                out.printf("%-13s %-8s %-27s %-16s %-22s %s%n", "", "", "", "", "", "expected: " + f.expected());
                out.printf("%-13s %-8s %-27s %-16s %-22s %s%n", "", "", "", "", "", f.message());
            }
        }
        out.println();
        for (CollectionFailure f : r.failures()) {
            out.println("collection failed for " + f.target() + ": " + f.cause());
        }
        Map<Status, Long> counts = r.countByStatus();
        out.printf("%d findings on %d tables in %s: %d compliant, %d non-compliant, %d unknown, %d exempt;"
                        + " %d AWS requests%n", r.findings().size(), r.tables(), Durations.format(r.duration()),
                counts.get(Status.COMPLIANT), counts.get(Status.NON_COMPLIANT), counts.get(Status.UNKNOWN),
                counts.get(Status.EXEMPT), r.totalRequests());
        if (!r.rules().isEmpty()) {
            out.println("tables per rule: " + r.rules().stream().map(x -> x.rule() + " " + x.tables())
                    .collect(Collectors.joining(", ")));
        }
        emptyRuleLines(r).forEach(out::println);
        out.flush();
    }

    /** One line per rule that reached no table without leave: why the audit fails, and what to do. */
    static List<String> emptyRuleLines(AuditResult r) {
        return r.emptyRules().stream().map(rule -> "rule " + rule + " reached no table: its scope matches no table in the"
                + " accounts and regions audited; fix its scope, or set allow_empty: true if that is expected")
                .toList();
    }

    /** Jackson closes the writer it is given; stdout must stay open. */
    private static final class NonClosingWriter extends java.io.FilterWriter {
        NonClosingWriter(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
