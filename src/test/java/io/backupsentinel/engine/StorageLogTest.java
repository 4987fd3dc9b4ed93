package io.backupsentinel.engine;

import io.backupsentinel.model.FactKind;
import io.backupsentinel.model.OnDemandBackup;
import io.backupsentinel.model.PitrState;
import io.backupsentinel.model.PostureChange;
import io.backupsentinel.model.TableFacts;
import io.backupsentinel.testing.CheckFactsBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.backupsentinel.testing.CheckFactsBuilder.NOW;
import static org.assertj.core.api.Assertions.assertThat;

class StorageLogTest {
    private final StorageLog log = new StorageLog();

    private static TableFacts withBackup(long bytes) {
        return CheckFactsBuilder.table("orders").pitr(PitrState.disabled()).onDemand(new OnDemandBackup("arn:b",
                "b", NOW, "AVAILABLE", "USER", bytes, null)).build();
    }

    @Test
    void the_first_estimate_is_written_with_the_bytes_of_each_known_source() {
        List<PostureChange> changes = log.observe(List.of(withBackup(100)), NOW);

        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.aspect()).isEqualTo(PostureChange.Aspect.BACKUP_STORAGE);
            assertThat(c.before()).isNull();
            assertThat(c.after()).isEqualTo("pitr=0 on_demand=100 aws_backup=0 export=0");
            assertThat(c.at()).isEqualTo(NOW);
        });
    }

    @Test
    void after_a_restart_the_log_resumes_from_the_historys_last_entry_of_each_table() {
        TableFacts t = withBackup(100);
        log.resume(List.of(new PostureChange(t.table(), PostureChange.Aspect.BACKUP_STORAGE, null,
                "pitr=0 on_demand=100 aws_backup=0 export=0", NOW.minus(Duration.ofHours(2)))));

        // The same bytes as stored: nothing to write; new bytes within the day: not yet.
        assertThat(log.observe(List.of(t), NOW)).isEmpty();
        assertThat(log.observe(List.of(withBackup(200)), NOW.plus(Duration.ofHours(21)))).isEmpty();
        assertThat(log.observe(List.of(withBackup(200)), NOW.plus(Duration.ofHours(23)))).singleElement()
                .satisfies(c -> assertThat(c.before()).isEqualTo("pitr=0 on_demand=100 aws_backup=0 export=0"));
    }

    @Test
    void a_change_is_written_at_most_once_a_day_and_only_when_the_bytes_changed() {
        log.observe(List.of(withBackup(100)), NOW);

        assertThat(log.observe(List.of(withBackup(200)), NOW.plus(Duration.ofHours(23)))).isEmpty();
        assertThat(log.observe(List.of(withBackup(100)), NOW.plus(Duration.ofDays(2)))).isEmpty();
        Instant later = NOW.plus(Duration.ofDays(2).plusHours(1));
        assertThat(log.observe(List.of(withBackup(300)), later)).singleElement().satisfies(c -> {
            assertThat(c.before()).isEqualTo("pitr=0 on_demand=100 aws_backup=0 export=0");
            assertThat(c.after()).isEqualTo("pitr=0 on_demand=300 aws_backup=0 export=0");
        });
    }

    @Test
    void a_collection_that_did_not_ask_for_backups_keeps_the_bytes_the_last_one_found() {
        log.observe(List.of(withBackup(100)), NOW);
        TableFacts pitrOnly = CheckFactsBuilder.table("orders").pitr(PitrState.disabled())
                .failed(FactKind.ON_DEMAND_BACKUPS, "x").build();
        // Not asked (as a collection for a PITR rule alone leaves it), rather than failed:
        TableFacts notAsked = new TableFacts(pitrOnly.table(), pitrOnly.tags(), null, null, pitrOnly.pitr(),
                io.backupsentinel.model.Fact.notCollected("on-demand backups"), pitrOnly.recoveryPoints(),
                pitrOnly.exports(), pitrOnly.plans(), pitrOnly.vaults(), pitrOnly.backupJobs(), pitrOnly.copyJobs(),
                pitrOnly.restoreJobs(), NOW);

        assertThat(log.observe(List.of(notAsked), NOW.plus(Duration.ofDays(3)))).isEmpty();
    }

    @Test
    void a_table_whose_sources_are_all_unknown_writes_nothing() {
        TableFacts blind = CheckFactsBuilder.table("orders").failed(FactKind.PITR, "x")
                .failed(FactKind.ON_DEMAND_BACKUPS, "x").failed(FactKind.RECOVERY_POINTS, "x")
                .failed(FactKind.EXPORTS, "x").build();

        assertThat(log.observe(List.of(blind), NOW)).isEmpty();
    }
}
