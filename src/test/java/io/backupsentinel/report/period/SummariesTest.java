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

    /** A pair judged {@code status} through the whole period but for its last half second, COMPLIANT. */
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
    void a_fleet_over_a_quarter_sums_the_whole_seconds_of_its_rows() {
        // 20,000 pairs over 90 days: 1.6e20 ns would wrap a long, 1.6e11 s does not.
        List<PairTrack> tracks = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            tracks.add(pair(i, i % 4 == 0 ? Status.COMPLIANT : i % 4 == 1 ? Status.UNKNOWN : Status.NON_COMPLIANT));
        }
        RuleInfo rpo = new RuleInfo("rpo", "rpo", Severity.HIGH, List.of("SOC2 CC9.1"), "");
        Summaries s = Summaries.of(tracks, Map.of("rpo", rpo), ReportScope.all(), FROM, TO);

        RuleSummary rule = s.rules().get(0);
        // The change half a second before the end falls in the period's last second, which is compliant: each
        // non-compliant or unknown pair spends the period less one second in that status, as its row says.
        assertThat(rule.nonCompliantSeconds()).isEqualTo(10_000 * (PERIOD - 1)).isEqualTo(77_759_990_000L);
        assertThat(rule.unknownSeconds()).isEqualTo(5_000 * (PERIOD - 1));
        // Compliant: 5,000 whole periods and 15,000 last seconds, over 20,000 periods.
        assertThat(rule.compliantPercent()).isEqualByComparingTo("25.00");
        assertThat(s.frameworks().get(0).nonCompliantSeconds()).isEqualTo(rule.nonCompliantSeconds());
        assertThat(s.frameworks().get(0).unknownSeconds()).isEqualTo(rule.unknownSeconds());
        assertThat(s.frameworks().get(0).compliantPercent()).isEqualByComparingTo("25.00");
    }
}
