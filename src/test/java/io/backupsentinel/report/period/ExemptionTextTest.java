package io.backupsentinel.report.period;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ExemptionTextTest {
    @Test
    void the_engines_exempt_message_gives_expiry_approver_reason_and_the_status_without_it() {
        assertThat(ExemptionText.parse("exempt until 2026-12-31, approved by Jane Doe <jane@example.com>: legacy table;"
                + " retired in Q1; without it: NON_COMPLIANT: PITR is disabled; enable it")).hasValue(new ExemptionText(
                LocalDate.parse("2026-12-31"), "Jane Doe <jane@example.com>", "legacy table; retired in Q1", "NON_COMPLIANT"));
    }

    @Test
    void another_message_is_not_an_exemption() {
        assertThat(ExemptionText.parse("PITR is disabled")).isEmpty();
        assertThat(ExemptionText.parse(null)).isEmpty();
    }
}
