package io.backupsentinel.aws;

import io.backupsentinel.inventory.CollectionRequest;
import io.backupsentinel.inventory.RegionSnapshot;
import io.backupsentinel.model.FactKind;
import io.backupsentinel.model.TableFacts;
import io.backupsentinel.model.Target;
import io.backupsentinel.sandbox.state.VirtualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TableDescriptionsTest {
    private static final Target TARGET = new Target("111111111111", "us-east-1");

    private final FakeRegionApi api = new FakeRegionApi();
    private final Workers workers = new Workers(4);
    private final VirtualClock clock = VirtualClock.system();
    private RegionCollector collector;

    @AfterEach
    void close() {
        workers.close();
    }

    private RegionSnapshot collect(Set<FactKind> kinds) {
        if (collector == null) {
            clock.set(Instant.parse("2026-03-01T12:00:00Z"));
            clock.freeze();
            Caller caller = new Caller(new Pacer(AwsSettings.RateLimits.DEFAULT, () -> 0L, nanos -> { }), workers);
            collector = new RegionCollector(api, caller, clock);
        }
        return collector.collect(TARGET, new CollectionRequest(kinds, Duration.ZERO, (t, tags) -> true), Map::of);
    }

    private static TableFacts table(RegionSnapshot s, String name) {
        return s.tables().stream().filter(t -> t.table().name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void a_table_is_described_once_a_day_however_often_it_is_collected() {
        api.tables.add("orders");
        api.tableSizes.put("orders", 5_000_000L);

        RegionSnapshot first = collect(Set.of(FactKind.DESCRIPTION));
        clock.advance(Duration.ofHours(23));
        RegionSnapshot later = collect(Set.of(FactKind.DESCRIPTION));

        assertThat(api.calls("DescribeTable")).isEqualTo(1);
        assertThat(table(first, "orders").description().value().sizeBytes()).isEqualTo(5_000_000L);
        assertThat(table(later, "orders").description().value()).isEqualTo(table(first, "orders").description().value());

        clock.advance(Duration.ofHours(1));
        api.tableSizes.put("orders", 6_000_000L);
        RegionSnapshot nextDay = collect(Set.of(FactKind.DESCRIPTION));
        assertThat(api.calls("DescribeTable")).isEqualTo(2);
        assertThat(table(nextDay, "orders").description().value().sizeBytes()).isEqualTo(6_000_000L);
        assertThat(table(nextDay, "orders").description().value().describedAt()).isEqualTo(clock.instant());
    }

    @Test
    void a_failed_describe_makes_only_that_tables_description_unknown_and_is_asked_again_next_sweep() {
        api.tables.add("orders");
        api.tables.add("payments");
        api.fail("DescribeTable:payments");

        RegionSnapshot s = collect(Set.of(FactKind.DESCRIPTION));
        assertThat(table(s, "payments").description().cause()).startsWith("DescribeTable: ");
        assertThat(table(s, "orders").description().known()).isTrue();

        api.failing.clear();
        RegionSnapshot again = collect(Set.of(FactKind.DESCRIPTION));
        assertThat(table(again, "payments").description().known()).isTrue();
        assertThat(api.calls("DescribeTable")).isEqualTo(3);
    }

    @Test
    void a_sweep_that_does_not_ask_for_descriptions_makes_no_describe_call() {
        api.tables.add("orders");

        RegionSnapshot s = collect(Set.of(FactKind.PITR));

        assertThat(api.calls("DescribeTable")).isZero();
        assertThat(table(s, "orders").description().notAsked()).isTrue();
    }
}
