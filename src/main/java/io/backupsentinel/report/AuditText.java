package io.backupsentinel.report;

import io.backupsentinel.model.AuditResult;
import io.backupsentinel.model.CollectionFailure;
import io.backupsentinel.model.Durations;
import io.backupsentinel.model.Finding;
import io.backupsentinel.model.Status;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An audit as a table for a terminal: one line per finding (two more with what was expected and what to do
 * when it is not compliant), the failed collections, a summary line, and the rules that reached no table.
 */
public final class AuditText {
    private static final String ROW = "%-13s %-8s %-27s %-16s %-22s %s%n";

    private AuditText() {
    }

    /** Writes the table; flushes, and leaves {@code w} open. */
    public static void write(AuditResult r, Writer w) {
        PrintWriter out = new PrintWriter(w);
        out.printf(ROW, "STATUS", "SEVERITY", "ACCOUNT/REGION", "TABLE", "RULE", "OBSERVED / MESSAGE");
        for (Finding f : r.findings()) {
            out.printf(ROW, f.status(), f.severity().label(), f.account() + "/" + f.region(), f.table(), f.rule(),
                    f.observed());
            if (f.status() != Status.COMPLIANT) {
                out.printf(ROW, "", "", "", "", "", "expected: " + f.expected());
                out.printf(ROW, "", "", "", "", "", f.message());
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
    public static List<String> emptyRuleLines(AuditResult r) {
        return r.emptyRules().stream().map(rule -> "rule " + rule + " reached no table: its scope matches no table in"
                + " the accounts and regions audited; fix its scope, or set allow_empty: true if that is expected")
                .toList();
    }
}
