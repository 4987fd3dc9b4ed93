package io.backupsentinel.web.status;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FmtTest {
    @Test
    void a_time_is_its_day_and_its_clock_in_utc() {
        Instant at = Instant.parse("2026-12-31T23:59:59.999Z");
        assertThat(Fmt.utcDay(at)).isEqualTo("2026-12-31");
        assertThat(Fmt.utcClock(at)).isEqualTo("23:59:59 UTC");
    }
}
