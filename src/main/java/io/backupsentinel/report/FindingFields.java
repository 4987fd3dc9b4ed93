package io.backupsentinel.report;

import io.backupsentinel.model.Finding;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The finding contract's fields in their published order: the JSON keys and the CSV header are this one
 * list, so the two formats can never disagree about a name or an order.
 */
public final class FindingFields {
    /** {@code account}, {@code region}, …, {@code evaluatedAt}: the names a finding is published under. */
    public static final List<String> COLUMNS = List.of("account", "region", "table", "tableArn", "rule", "check",
            "severity", "status", "observed", "expected", "message", "evaluatedAt");

    private FindingFields() {
    }

    /**
     * The finding's values in {@link #COLUMNS} order, as text (severity by label, time as ISO-8601 UTC). A field
     * the finding lacks stays null (JSON null, an empty CSV cell) rather than failing the whole report.
     */
    public static List<String> values(Finding f) {
        return Collections.unmodifiableList(Arrays.asList(f.account(), f.region(), f.table(), f.tableArn(), f.rule(), f.check(), f.severity().label(),
                f.status().name(), f.observed(), f.expected(), f.message(), f.evaluatedAt().toString()));
    }
}
