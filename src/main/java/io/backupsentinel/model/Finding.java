package io.backupsentinel.model;

import java.time.Instant;

/**
 * The verdict of one rule on one table, as {@code audit --format json} prints it. {@code observed} and
 * {@code expected} are short human-readable values; {@code message} says what to do.
 */
public record Finding(String account, String region, String table, String tableArn, String rule, String check,
                      Severity severity, Status status, String observed, String expected, String message,
                      Instant evaluatedAt) {
}
