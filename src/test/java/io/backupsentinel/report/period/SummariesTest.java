package io.backupsentinel.report.period;

import io.backupsentinel.model.FindingKey;
import io.backupsentinel.model.Severity;
import io.backupsentinel.model.Status;
import io.backupsentinel.store.FindingChange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SummariesTest {
    private static final Instant FROM = Instant.parse("2026-01-02T00:00:00Z");
    private static final Instant TO = FROM.plus(Duration.ofDays(90));
    private static final long PERIOD = Duration.ofDays(90).getSeconds();

    /** A pair judged {@code status} through the whole period, plus half a second of COMPLIANT at its end. */
    private static PairTrack pair(int table, Status status) {
        FindingKey k = new FindingKey("rpo", "111111111111", "us-east-1", String.format("t-%05d", table));
        PairTrack t = new PairTrack(k, FROM);
        Instant at = FROM.minusSeconds(60);
        t.startWith(new FindingChange(k, at, status, "rpo", Severity.HIGH, new FindingChange.Words("26h", "24h", "late", at)),
                new Citation(1, "a"));
        Instant last = TO.minusMillis(500);
        t.change(new FindingChange(k, last, Status.COMPLIANT, "rpo", Severity.HIGH, null), 2, "b");
        t.finish(TO);
        return t;
    }

    @Test
    void a_fleet_over_a_quarter_sums_past_a_long_of_nanoseconds_without_overflowing() {
        // 20,000 pairs over 90 days is 1.6e20 ns: a long of nanoseconds wrapped and printed negative times.
        List<PairTrack> tracks = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            tracks.add(pair(i, i % 4 == 0 ? Status.COMPLIANT : i % 4 == 1 ? Status.UNKNOWN : Status.NON_COMPLIANT));
        }
        RuleInfo rpo = new RuleInfo("rpo", "rpo", Severity.HIGH, List.of("SOC2 CC9.1"), "");
        Summaries s = Summaries.of(tracks, Map.of("rpo", rpo), ReportScope.all(), FROM, TO);

        RuleSummary rule = s.rules().get(0);
        // Each non-compliant or unknown pair spends the period less its last half second in that status.
        long halfSeconds = PERIOD * 2 - 1;
        assertThat(rule.nonCompliantSeconds()).isEqualTo(10_000 * halfSeconds / 2).isEqualTo(77_759_995_000L);
        assertThat(rule.unknownSeconds()).isEqualTo(5_000 * halfSeconds / 2);
        // Compliant: 5,000 whole periods and 15,000 half seconds, over 20,000 periods.
        assertThat(rule.compliantPercent()).isEqualByComparingTo("25.00");
        assertThat(s.frameworks().get(0).nonCompliantSeconds()).isEqualTo(rule.nonCompliantSeconds());
        assertThat(s.frameworks().get(0).unknownSeconds()).isEqualTo(rule.unknownSeconds());
        assertThat(s.frameworks().get(0).compliantPercent()).isEqualByComparingTo("25.00");
    }
}
