package io.backupsentinel.report.period;

import io.backupsentinel.model.FindingKey;
import io.backupsentinel.model.Status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The per-(rule, table) sections of a report, from the finished tracks in report order. */
record Sections(List<RuleTableTime> times, List<Violation> violations, List<ExemptionPeriod> exemptions) {
    static Sections of(List<PairTrack> ordered, Instant from, Instant to) {
        long period = Duration.between(from, to).getSeconds();
        List<RuleTableTime> times = new ArrayList<>(ordered.size());
        List<Violation> violations = new ArrayList<>();
        List<ExemptionPeriod> exemptions = new ArrayList<>();
        for (PairTrack t : ordered) {
            FindingKey k = t.key();
            times.add(new RuleTableTime(k.rule(), k.account(), k.region(), k.table(),
                    t.seconds(Status.COMPLIANT), t.seconds(Status.NON_COMPLIANT), t.seconds(Status.UNKNOWN),
                    t.seconds(Status.EXEMPT), t.unobservedSeconds(), Shares.percent(t.seconds(Status.COMPLIANT), period),
                    t.violations().size(), t.statusAtEnd()));
            violations.addAll(t.violations());
            exemptions.addAll(t.exemptions());
        }
        // Tracks are in key order already; within one key intervals are in time order.
        exemptions.sort(Comparator.comparing((ExemptionPeriod e) -> new FindingKey(e.rule(), e.account(), e.region(),
                e.table()), TableKeys.KEY_ORDER).thenComparing(ExemptionPeriod::start));
        return new Sections(times, violations, exemptions);
    }
}
