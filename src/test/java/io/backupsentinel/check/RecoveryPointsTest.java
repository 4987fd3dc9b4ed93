package io.backupsentinel.check;

import io.backupsentinel.check.RecoveryPoints.Newest;
import io.backupsentinel.model.FactKind;
import io.backupsentinel.model.OnDemandBackup;
import io.backupsentinel.model.RecoveryPoint;
import io.backupsentinel.model.RecoverySource;
import io.backupsentinel.testing.CheckFactsBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static io.backupsentinel.testing.CheckFactsBuilder.NOW;
import static io.backupsentinel.testing.CheckFactsBuilder.ago;
import static io.backupsentinel.testing.CheckFactsBuilder.export;
import static org.assertj.core.api.Assertions.assertThat;

class RecoveryPointsTest {
    @Test
    void newest_per_source_gives_instants_that_age_with_the_clock() {
        CheckFactsBuilder f = CheckFactsBuilder.table("orders").pitrOn(35, Duration.ofMinutes(5));
        f.onDemand(f.backup(Duration.ofHours(2), null), f.backup(Duration.ofDays(3), null))
                .recoveryPoints(f.point("prod-vault", Duration.ofMinutes(40), "COMPLETED", 35L))
                .exports(export("COMPLETED", Duration.ofHours(20), "KMS"), export("FAILED", Duration.ofHours(1), null));
        Map<RecoverySource, Newest> newest = RecoveryPoints.newestPerSource(f.build(),
                EnumSet.allOf(RecoverySource.class), List.of());
        assertThat(newest.get(RecoverySource.PITR).at()).isEqualTo(ago(Duration.ofMinutes(5)));
        assertThat(newest.get(RecoverySource.ON_DEMAND).at()).isEqualTo(ago(Duration.ofHours(2)));
        assertThat(newest.get(RecoverySource.AWS_BACKUP).age(NOW.plusSeconds(60))).contains(Duration.ofMinutes(41));
        assertThat(newest.get(RecoverySource.EXPORT).age(NOW)).contains(Duration.ofHours(20));
        assertThat(RecoveryPoints.youngest(newest.values()).map(Newest::source)).contains(RecoverySource.PITR);
    }

    @Test
    void on_demand_backups_that_are_not_available_do_not_count() {
        CheckFactsBuilder f = CheckFactsBuilder.table("t");
        f.onDemand(new OnDemandBackup(f.arn() + "/backup/1", "b", ago(Duration.ofMinutes(1)), "CREATING", "USER", 0L, null));
        assertThat(RecoveryPoints.newestPerSource(f.build(), List.of(RecoverySource.ON_DEMAND), List.of())
                .get(RecoverySource.ON_DEMAND).exists()).isFalse();
    }

    @Test
    void recovery_points_of_other_resources_are_ignored() {
        CheckFactsBuilder f = CheckFactsBuilder.table("t");
        RecoveryPoint other = new RecoveryPoint("arn:rp", "arn:aws:dynamodb:us-east-1:111111111111:table/other",
                "prod-vault", null, ago(Duration.ofMinutes(1)), NOW, "COMPLETED", null, null, null, true, null, null);
        f.recoveryPoints(other);
        assertThat(RecoveryPoints.newestPerSource(f.build(), List.of(RecoverySource.AWS_BACKUP), List.of())
                .get(RecoverySource.AWS_BACKUP).describe(NOW)).isEqualTo("aws_backup=none");
    }

    @Test
    void an_unknown_fact_gives_an_unknown_source_with_its_cause() {
        Newest n = RecoveryPoints.newestPerSource(CheckFactsBuilder.table("t")
                        .failed(FactKind.ON_DEMAND_BACKUPS, "ListBackups failed: AccessDenied").build(),
                List.of(RecoverySource.ON_DEMAND), List.of()).get(RecoverySource.ON_DEMAND);
        assertThat(n.known()).isFalse();
        assertThat(n.cause()).isEqualTo("on-demand backups unknown: ListBackups failed: AccessDenied");
        assertThat(n.describe(NOW)).isEqualTo("on_demand=unknown");
    }
}
