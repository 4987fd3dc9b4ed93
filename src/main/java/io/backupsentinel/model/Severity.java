package io.backupsentinel.model;

import java.util.Locale;

/** How urgent a rule's NON_COMPLIANT finding is; written in rule files in lower case. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
