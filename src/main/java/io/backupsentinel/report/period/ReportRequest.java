package io.backupsentinel.report.period;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What to report on: the period {@code [from, to)}, the scope, the rules' metadata (from the loaded rule set),
 * and the product version printed on the cover.
 */
public record ReportRequest(Instant from, Instant to, ReportScope scope, List<RuleInfo> rules, String version) {
    public ReportRequest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(scope, "scope");
        rules = List.copyOf(rules);
        Objects.requireNonNull(version, "version");
    }
}
