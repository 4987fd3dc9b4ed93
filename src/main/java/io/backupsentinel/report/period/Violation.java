package io.backupsentinel.report.period;

import io.backupsentinel.model.Severity;

import java.time.Instant;

/**
 * One NON_COMPLIANT interval of a (rule, table) that overlaps the period. {@code start} may lie before the
 * period ({@code startedBeforePeriod}); {@code end} is null while it is still open at the period's end
 * ({@code ongoing}). {@code durationSeconds} runs from start to end (or to the period's end when ongoing);
 * {@code secondsInPeriod} is the part inside the period. Both count whole seconds as {@link RuleTableTime}
 * does (each instant placed at its second of the period), so the {@code secondsInPeriod} of a pair's
 * violations add up to its {@code nonCompliantSeconds}. {@code opened} cites the transition that made it
 * NON_COMPLIANT, {@code closed} the one that ended it (null when ongoing). observed/expected/message are
 * the finding's words when it opened.
 */
public record Violation(String rule, String account, String region, String table, Severity severity,
                        Instant start, Instant end, boolean ongoing, boolean startedBeforePeriod, long durationSeconds,
                        long secondsInPeriod, String observed, String expected, String message, Citation opened,
                        Citation closed) {
}
