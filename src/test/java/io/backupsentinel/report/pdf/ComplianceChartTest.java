package io.backupsentinel.report.pdf;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ComplianceChartTest {
    @Test
    void a_one_second_violation_in_a_quarter_is_still_drawn_and_the_bar_keeps_its_length() {
        long quarter = 90 * 86_400L;
        ComplianceChart.Bar bar = new ComplianceChart.Bar("rpo", new long[] {quarter - 1, 1, 0, 0, 0});

        float[] w = ComplianceChart.widths(bar, 500);

        assertThat(w[ComplianceChart.Segment.NON_COMPLIANT.ordinal()]).isEqualTo(2f);
        assertThat(w[ComplianceChart.Segment.UNKNOWN.ordinal()]).isZero();
        assertThat(w[0] + w[1] + w[2] + w[3] + w[4]).isCloseTo(500f, within(0.01f));
    }

    @Test
    void shares_are_proportional_to_time_when_every_segment_is_wide_enough() {
        ComplianceChart.Bar bar = new ComplianceChart.Bar("rpo", new long[] {50, 25, 15, 5, 5});

        assertThat(ComplianceChart.widths(bar, 200)).containsExactly(100f, 50f, 30f, 10f, 10f);
    }

    @Test
    void a_long_rule_name_is_cut_with_an_ellipsis_to_fit_its_column() {
        String name = "a-very-long-rule-name-that-no-label-column-could-hold-".repeat(4);

        String fitted = ComplianceChart.fit(name, 120);

        assertThat(fitted).endsWith("\u2026").hasSizeLessThan(name.length());
        assertThat(Fonts.base().getWidthPoint(fitted, 8)).isLessThanOrEqualTo(120);
        assertThat(ComplianceChart.fit("rpo", 120)).isEqualTo("rpo");
    }
}
