package io.backupsentinel.rule;

import io.backupsentinel.model.TableRef;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ExemptionTest {
    private final RuleSet demo = Fixtures.load(Fixtures.VALID.resolve("demo"));
    private final Rule rpo = demo.rule("prod-rpo").orElseThrow();
    private final Rule pitr = demo.rule("prod-pitr").orElseThrow();
    private final TableRef scratch = TableRef.of("111111111111", "us-east-1", "scratch-7");
    private final TableRef events = TableRef.of("111111111111", "us-east-1", "events");

    @Test
    void an_exemption_before_its_date_makes_the_table_exempt() {
        ExemptionMatch m = demo.exemptionFor(rpo, scratch, Instant.parse("2027-03-30T23:59:59Z")).orElseThrow();
        assertThat(m.active()).isTrue();
        assertThat(m.message()).isEqualTo("exempt until 2027-03-31, approved by jane.doe@example.com:"
                + " Scratch data is rebuilt from source.");
    }

    @Test
    void an_exemption_stops_applying_at_midnight_utc_on_its_date_and_says_it_expired() {
        ExemptionMatch m = demo.exemptionFor(pitr, events, Instant.parse("2026-10-01T00:00:00Z")).orElseThrow();
        assertThat(m.active()).isFalse();
        assertThat(m.message()).isEqualTo("exemption expired on 2026-10-01; evaluated normally");
        assertThat(demo.exemptionFor(pitr, events, Instant.parse("2026-09-30T23:59:59Z")).orElseThrow().active())
                .isTrue();
    }

    @Test
    void an_exemption_covers_only_its_rule_and_its_tables() {
        assertThat(demo.exemptionFor(pitr, scratch, Fixtures.NOW)).isEmpty();
        assertThat(demo.exemptionFor(rpo, events, Fixtures.NOW)).isEmpty();
        assertThat(demo.exemptionFor(rpo, TableRef.of("111111111111", "us-east-1", "scratch"), Fixtures.NOW))
                .hasValueSatisfying(m -> assertThat(m.active()).isTrue());
    }

    @Test
    void an_exemption_limited_to_an_account_and_region_does_not_reach_others() {
        Instant before = Instant.parse("2026-09-01T00:00:00Z");
        assertThat(demo.exemptionFor(pitr, TableRef.of("222222222222", "us-east-1", "events"), before)).isEmpty();
        assertThat(demo.exemptionFor(pitr, TableRef.of("111111111111", "eu-west-1", "events"), before)).isEmpty();
    }

    @Test
    void expired_is_judged_by_the_instant_given() {
        Exemption e = demo.exemptions().get(1);
        assertThat(e.expired(Instant.parse("2026-09-30T12:00:00Z"))).isFalse();
        assertThat(e.expired(Instant.parse("2026-10-01T00:00:00Z"))).isTrue();
        assertThat(e.appliesTo(pitr, events)).isTrue();
    }
}
