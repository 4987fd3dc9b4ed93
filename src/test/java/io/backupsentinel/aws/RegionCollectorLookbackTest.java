package io.backupsentinel.aws;

import io.backupsentinel.inventory.CollectionRequest;
import io.backupsentinel.model.FactKind;
import io.backupsentinel.model.Target;
import io.backupsentinel.model.Vault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Each time-bounded listing starts where its own fact kind's lookback says, not at the longest of them. */
class RegionCollectorLookbackTest {
    private static final Target TARGET = new Target("111111111111", "us-east-1");
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final FakeRegionApi fake = new FakeRegionApi();
    private final Workers workers = new Workers(4);
    /** The {@code since} each time-bounded operation was called with, by method name. */
    private final Map<String, Instant> since = new ConcurrentHashMap<>();

    @AfterEach
    void close() {
        workers.close();
    }

    /** The fake, recording every Instant argument it is given. */
    private RegionApi recording() {
        return (RegionApi) Proxy.newProxyInstance(RegionApi.class.getClassLoader(), new Class<?>[]{RegionApi.class},
                (proxy, method, args) -> {
                    if (args != null) {
                        for (Object a : args) {
                            if (a instanceof Instant i) {
                                since.put(method.getName(), i);
                            }
                        }
                    }
                    try {
                        return method.invoke(fake, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void collect(CollectionRequest request) {
        Caller caller = new Caller(new Pacer(AwsSettings.RateLimits.DEFAULT, () -> 0L, nanos -> { }), workers);
        new RegionCollector(recording(), caller, Clock.fixed(NOW, ZoneOffset.UTC)).collect(TARGET, request, Map::of);
    }

    @Test
    void each_listing_reaches_back_as_far_as_its_own_kind_needs() {
        fake.tables.add("orders");
        fake.vaults.add(new Vault("prod-vault", "arn:aws:backup:us-east-1:111111111111:backup-vault:prod-vault", true,
                7L, 365L, NOW, null, "AWS_OWNED_KMS_KEY", "BACKUP_VAULT"));
        collect(new CollectionRequest(java.util.Set.of(FactKind.ON_DEMAND_BACKUPS, FactKind.RECOVERY_POINTS,
                FactKind.BACKUP_JOBS, FactKind.COPY_JOBS, FactKind.RESTORE_JOBS), Map.of(
                FactKind.ON_DEMAND_BACKUPS, Duration.ofHours(2), FactKind.RECOVERY_POINTS, Duration.ofDays(2555),
                FactKind.BACKUP_JOBS, Duration.ofDays(8), FactKind.COPY_JOBS, Duration.ofDays(3),
                FactKind.RESTORE_JOBS, Duration.ofDays(15)), (t, tags) -> true));

        assertThat(since).containsExactlyInAnyOrderEntriesOf(Map.of(
                "listBackups", NOW.minus(Duration.ofHours(2)),
                "listRecoveryPoints", NOW.minus(Duration.ofDays(2555)),
                "listBackupJobs", NOW.minus(Duration.ofDays(8)),
                "listCopyJobs", NOW.minus(Duration.ofDays(3)),
                "listRestoreJobs", NOW.minus(Duration.ofDays(15))));
    }

    @Test
    void a_lookback_past_1970_asks_from_the_epoch() {
        fake.tables.add("orders");
        collect(new CollectionRequest(java.util.Set.of(FactKind.ON_DEMAND_BACKUPS),
                Map.of(FactKind.ON_DEMAND_BACKUPS, Duration.ofDays(36_501)), (t, tags) -> true));
        assertThat(since).containsEntry("listBackups", Instant.EPOCH);
    }
}
