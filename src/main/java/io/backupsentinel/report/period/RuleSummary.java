package io.backupsentinel.report.period;

import io.backupsentinel.model.Severity;

import java.math.BigDecimal;
import java.util.List;

/**
 * One rule over the period: its metadata, how many tables it judged, compliant time over the time of all its
 * (rule, table) pairs (each counted for the whole period, so unobserved time is not compliant), and its
 * violations overlapping the period.
 */
public record RuleSummary(String rule, String check, Severity severity, List<String> frameworks, String description,
                          int tables, BigDecimal compliantPercent, long nonCompliantSeconds, long unknownSeconds,
                          int violations) {
    public RuleSummary {
        frameworks = List.copyOf(frameworks);
    }
}
