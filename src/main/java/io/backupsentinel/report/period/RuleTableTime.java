package io.backupsentinel.report.period;

import io.backupsentinel.model.Status;

import java.math.BigDecimal;

/**
 * How one rule's finding on one table spent the period, in whole seconds: each change of status is placed at
 * the second of the period it falls in (the time since the period's start, truncated), so the five add up to
 * the cover's {@code periodSeconds} exactly. UNKNOWN time is its own column and never counts as compliant;
 * {@code unobservedSeconds} is time with no finding at all (before the pair was first judged or after it was
 * closed). {@code compliantPercent} is {@code compliantSeconds} over {@code periodSeconds}, two decimals,
 * rounded down (null for a period shorter than a second). {@code statusAtEnd} is null when the pair was
 * closed at the period's end.
 */
public record RuleTableTime(String rule, String account, String region, String table, long compliantSeconds,
                            long nonCompliantSeconds, long unknownSeconds, long exemptSeconds, long unobservedSeconds,
                            BigDecimal compliantPercent, int violations, Status statusAtEnd) {
}
