package io.backupsentinel.report.period;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SharesTest {
    @Test
    void a_share_is_never_shown_higher_than_it_is() {
        // One second out of compliance in a 90-day period is not 100%.
        assertThat(Shares.percent(7_775_999, 7_776_000)).hasToString("99.99");
        assertThat(Shares.percent(7_776_000, 7_776_000)).hasToString("100.00");
        assertThat(Shares.percent(2, 3)).hasToString("66.66");
        assertThat(Shares.percent(0, 3)).hasToString("0.00");
    }

    @Test
    void a_share_of_nothing_is_null() {
        assertThat(Shares.percent(0, 0)).isNull();
    }
}
