package io.backupsentinel.report.pdf;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Shares printed as percentages with one decimal, rounded down, so 99.96% compliant never shows as 100.0%:
 * an auditor reading "100.0%" must be able to rely on it meaning the whole period.
 */
final class Percent {
    private Percent() {
    }

    static String of(double share) {
        return BigDecimal.valueOf(share * 100).setScale(1, RoundingMode.FLOOR).toPlainString() + "%";
    }
}
