package io.backupsentinel.report.period;

import java.time.Instant;
import java.util.List;

/**
 * The first page of a report: the period {@code [from, to)}, the scope, the product version, and what the
 * report was built from. {@code asOf} is the instant of the newest history record the report read and
 * {@code head} that record (the chain head the report cites): the report never carries the wall clock, so
 * the same history, period and scope always give the same bytes. {@code notes} says what the report leaves
 * out and why (e.g. no storage records in the history).
 */
public record ReportCover(String title, Instant from, Instant to, long periodSeconds, ReportScope scope,
                          String version, Instant asOf, Citation head, int tables, int rules, List<String> notes) {
    public ReportCover {
        notes = List.copyOf(notes);
    }
}
