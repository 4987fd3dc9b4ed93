package io.backupsentinel.engine;

import io.backupsentinel.model.Severity;

import java.util.List;

/** A rule as pages and reports show it, without its check's code. */
public record RuleInfo(String name, String check, Severity severity, String description, List<String> frameworks) {
    public RuleInfo {
        frameworks = List.copyOf(frameworks);
    }
}
