package io.backupsentinel.report.period;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an exemption back from an EXEMPT finding's message, as the engine writes it
 * ({@code rule.ExemptionMatch} and {@code engine.Evaluator}):
 * {@code "exempt until 2026-12-31, approved by WHO: WHY; without it: STATUS: MESSAGE"}. The approver ends at
 * the first {@code ": "}, the reason at the last {@code "; without it: "} followed by a status.
 */
record ExemptionText(LocalDate expires, String approver, String reason, String statusWithout) {
    private static final Pattern FORM = Pattern.compile(
            "^exempt until (\\d{4}-\\d{2}-\\d{2}), approved by (.*?): (.*); without it: (COMPLIANT|NON_COMPLIANT|UNKNOWN): .*$",
            Pattern.DOTALL);

    static Optional<ExemptionText> parse(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(message);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ExemptionText(LocalDate.parse(m.group(1)), m.group(2), m.group(3), m.group(4)));
    }
}
