package io.backupsentinel.report.pdf;

import io.backupsentinel.report.period.PeriodReport;
import io.backupsentinel.report.period.PeriodReports;
import io.backupsentinel.report.period.ReportRequest;
import io.backupsentinel.report.period.ReportScope;
import io.backupsentinel.report.period.RuleSummary;
import io.backupsentinel.report.period.ScenarioHistory;
import io.backupsentinel.store.HistoryStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.backupsentinel.report.period.ScenarioHistory.*;
import static org.assertj.core.api.Assertions.assertThat;

class ChartSectionTest {
    @TempDir
    Path dir;

    @Test
    void each_bar_shows_the_compliant_share_of_the_rules_table_to_the_hundredth() {
        PeriodReport report;
        try (HistoryStore store = ScenarioHistory.write(dir)) {
            report = PeriodReports.build(store.queries(), new ReportRequest(FROM, TO, ReportScope.all(), RULES, "1.0-test"), NOW);
        }
        List<ComplianceChart.Bar> bars = ChartSection.bars(report.rules(), report.times());

        assertThat(bars).extracting(ComplianceChart.Bar::label).containsExactlyElementsOf(
                report.rules().stream().map(RuleSummary::rule).toList());
        for (int i = 0; i < bars.size(); i++) {
            ComplianceChart.Bar bar = bars.get(i);
            long pairs = report.times().stream().filter(t -> t.rule().equals(bar.label())).count();
            assertThat(bar.total()).as("%s: its pairs, each for the whole period", bar.label())
                    .isEqualTo(pairs * report.cover().periodSeconds());
            assertThat(bar.percent(ComplianceChart.Segment.COMPLIANT)).as(bar.label())
                    .isEqualTo(report.rules().get(i).compliantPercent() + "%");
        }
        // rpo-critical: 59,385 + 43,200 compliant seconds over two tables' day; the chart printed 59.3%.
        assertThat(bars.get(2).percent(ComplianceChart.Segment.COMPLIANT)).isEqualTo("59.36%");
    }

    @Test
    void a_segment_share_is_of_the_whole_bar_with_two_decimals_rounded_down() {
        ComplianceChart.Bar bar = new ComplianceChart.Bar("rpo", new long[] {2, 1, 0, 0, 0});

        assertThat(bar.percent(ComplianceChart.Segment.COMPLIANT)).isEqualTo("66.66%");
        assertThat(bar.percent(ComplianceChart.Segment.NON_COMPLIANT)).isEqualTo("33.33%");
        assertThat(bar.percent(ComplianceChart.Segment.UNKNOWN)).isEqualTo("0.00%");
    }
}
