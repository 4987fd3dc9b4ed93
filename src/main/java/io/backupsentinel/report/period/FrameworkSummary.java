package io.backupsentinel.report.period;

import java.math.BigDecimal;
import java.util.List;

/**
 * One framework control (a {@code frameworks:} entry of the rules, e.g. {@code "SOC2 CC9.1"}): the rules that
 * cite it, the distinct tables they judged, compliant time over all their (rule, table) pairs for the whole
 * period, and their violations.
 */
public record FrameworkSummary(String framework, List<String> rules, int tables, BigDecimal compliantPercent,
                               long nonCompliantSeconds, long unknownSeconds, int violations) {
    public FrameworkSummary {
        rules = List.copyOf(rules);
    }
}
