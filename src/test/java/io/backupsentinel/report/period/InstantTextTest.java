package io.backupsentinel.report.period;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class InstantTextTest {
    @Test
    void the_text_is_instant_to_string_for_every_instant() {
        for (Instant at : List.of(Instant.EPOCH, Instant.parse("2026-01-02T03:04:05Z"), Instant.parse("2026-01-02T03:04:05.5Z"),
                Instant.parse("2026-01-02T03:04:05.000123Z"), Instant.parse("2026-01-02T03:04:05.000000007Z"),
                Instant.parse("1969-12-31T23:59:59.999999999Z"), Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999Z"), Instant.parse("+10000-01-01T00:00:00Z"), Instant.MIN, Instant.MAX)) {
            assertThat(InstantText.of(at)).isEqualTo(at.toString());
        }
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            long seconds = random.nextLong() % 400_000_000_000L;
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant at = Instant.ofEpochSecond(seconds, nanos);
            assertThat(InstantText.of(at)).isEqualTo(at.toString());
        }
    }
}
