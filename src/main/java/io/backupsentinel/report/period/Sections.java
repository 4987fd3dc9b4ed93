package io.backupsentinel.report.period;

import io.backupsentinel.model.FindingKey;
import io.backupsentinel.model.Status;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The per-(rule, table) sections of a report, from the finished tracks in report order. */
record Sections(List<RuleTableTime> times, List<Violation> violations, List<ExemptionPeriod> exemptions) {
    private static final long NANOS = 1_000_000_000L;

    static Sections of(List<PairTrack> ordered, Instant from, Instant to) {
        long period = Duration.between(from, to).toNanos();
        List<RuleTableTime> times = new ArrayList<>(ordered.size());
        List<Violation> violations = new ArrayList<>();
        List<ExemptionPeriod> exemptions = new ArrayList<>();
        for (PairTrack t : ordered) {
            FindingKey k = t.key();
            times.add(new RuleTableTime(k.rule(), k.account(), k.region(), k.table(),
                    seconds(t.nanos(Status.COMPLIANT)), seconds(t.nanos(Status.NON_COMPLIANT)),
                    seconds(t.nanos(Status.UNKNOWN)), seconds(t.nanos(Status.EXEMPT)), seconds(t.unobservedNanos()),
                    percent(t.nanos(Status.COMPLIANT), period), t.violations().size(), t.statusAtEnd()));
            violations.addAll(t.violations());
            exemptions.addAll(t.exemptions());
        }
        // Tracks are in key order already; within one key intervals are in time order.
        exemptions.sort(Comparator.comparing((ExemptionPeriod e) -> new FindingKey(e.rule(), e.account(), e.region(),
                e.table()), TableKeys.KEY_ORDER).thenComparing(ExemptionPeriod::start));
        return new Sections(times, violations, exemptions);
    }

    static long seconds(long nanos) {
        return nanos / NANOS;
    }

    /** {@code part} over {@code whole} as a percentage with two decimals, half up; null when whole is 0. */
    static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return null;
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_UP);
    }
}
