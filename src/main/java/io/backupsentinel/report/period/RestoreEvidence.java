package io.backupsentinel.report.period;

import io.backupsentinel.model.Status;

import java.time.Instant;

/**
 * A restore-test verdict from the history: a finding of a rule whose check is {@code restore_test}, as it
 * stood at the period's start ({@code atPeriodStart}) or as a transition changed it during the period. The
 * check writes when the newest validated restore ran and how long it took into {@code observed}, and the
 * RTO into {@code expected}; the history records a verdict when its status changes, not every restore.
 */
public record RestoreEvidence(String rule, String account, String region, String table, Instant at,
                              boolean atPeriodStart, Status status, String observed, String expected, String message,
                              Citation record) {
}
