package io.backupsentinel.report.period;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one way a report turns time into a percentage: part over whole, two decimals, rounded down, so
 * that 100.00% means compliant for every second and a share is never shown higher than it is. The JSON, the CSV,
 * the PDF's tables and its chart all print shares made here, so one figure never reads two ways.
 */
public final class Shares {
    private Shares() {
    }

    /** {@code part} over {@code whole} as a percentage with two decimals, rounded down; null when whole is 0. */
    public static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.DOWN);
    }
}
