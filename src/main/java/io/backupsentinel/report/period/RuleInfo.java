package io.backupsentinel.report.period;

import io.backupsentinel.model.Severity;

import java.util.List;
import java.util.Objects;

/**
 * What a report needs to know about one rule, built by {@code cli} from the loaded rule set ({@code report}
 * may not import {@code rule}). {@code frameworks} are the rule's {@code frameworks:} entries, e.g.
 * {@code "SOC2 CC9.1"}; {@code description} may be empty, never null.
 */
public record RuleInfo(String name, String check, Severity severity, List<String> frameworks, String description) {
    public RuleInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(severity, "severity");
        frameworks = List.copyOf(frameworks);
        description = description == null ? "" : description;
    }
}
