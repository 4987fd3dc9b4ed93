package io.backupsentinel.report.period;

import io.backupsentinel.model.Status;

import java.math.BigDecimal;

/**
 * How one rule's finding on one table spent the period, in whole seconds (each total truncated; the five
 * add up to the period's length give or take a second each). UNKNOWN time is its own column and never
 * counts as compliant; {@code unobservedSeconds} is time with no finding at all (before the pair was first
 * judged or after it was closed). {@code compliantPercent} is compliant time over the whole period, two
 * decimals, rounded half up. {@code statusAtEnd} is null when the pair was closed at the period's end.
 */
public record RuleTableTime(String rule, String account, String region, String table, long compliantSeconds,
                            long nonCompliantSeconds, long unknownSeconds, long exemptSeconds, long unobservedSeconds,
                            BigDecimal compliantPercent, int violations, Status statusAtEnd) {
}
