package io.backupsentinel.testing;

import io.backupsentinel.model.BackupJob;
import io.backupsentinel.model.BackupPlan;
import io.backupsentinel.model.CopyJob;
import io.backupsentinel.model.ExportRecord;
import io.backupsentinel.model.Fact;
import io.backupsentinel.model.FactKind;
import io.backupsentinel.model.OnDemandBackup;
import io.backupsentinel.model.PitrState;
import io.backupsentinel.model.RecoveryPoint;
import io.backupsentinel.model.RestoreJob;
import io.backupsentinel.model.TableFacts;
import io.backupsentinel.model.TableRef;
import io.backupsentinel.model.Vault;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds {@link TableFacts} for check tests around a fixed clock. Every fact starts known and empty (PITR
 * disabled, no backups, no plans); tests add what they need and fail single facts with {@link #failed}.
 */
public final class CheckFactsBuilder {
    public static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    public static final String ACCOUNT = "111111111111";
    public static final String REGION = "us-east-1";

    private TableRef table;
    private Map<String, String> tags = new LinkedHashMap<>(Map.of("env", "prod"));
    private Fact<PitrState> pitr = Fact.of(PitrState.disabled());
    private Fact<List<OnDemandBackup>> onDemand = Fact.of(List.of());
    private Fact<List<RecoveryPoint>> points = Fact.of(List.of());
    private Fact<List<ExportRecord>> exports = Fact.of(List.of());
    private Fact<List<BackupPlan>> plans = Fact.of(List.of());
    private Fact<Map<String, Vault>> vaults = Fact.of(Map.of());
    private Fact<List<BackupJob>> backupJobs = Fact.of(List.of());
    private Fact<List<CopyJob>> copyJobs = Fact.of(List.of());
    private Fact<List<RestoreJob>> restoreJobs = Fact.of(List.of());
    private Fact<io.backupsentinel.model.TableDescription> description = Fact.notCollected("table descriptions");

    private CheckFactsBuilder(TableRef table) {
        this.table = table;
    }

    /** Facts of table {@code name} in 111111111111/us-east-1, tagged env=prod. */
    public static CheckFactsBuilder table(String name) {
        return new CheckFactsBuilder(TableRef.of(ACCOUNT, REGION, name));
    }

    /** Facts of table {@code name} in another account-region, tagged env=prod. */
    public static CheckFactsBuilder table(String account, String region, String name) {
        return new CheckFactsBuilder(TableRef.of(account, region, name));
    }

    public static Instant ago(Duration d) {
        return NOW.minus(d);
    }

    public static String vaultArn(String region, String account, String name) {
        return "arn:aws:backup:" + region + ":" + account + ":backup-vault:" + name;
    }

    public TableRef ref() {
        return table;
    }

    public String arn() {
        return table.arn();
    }

    public CheckFactsBuilder tag(String key, String value) {
        tags.put(key, value);
        return this;
    }

    /** Tags unknown (null), as when the tag listing failed. */
    public CheckFactsBuilder noTags() {
        tags = null;
        return this;
    }

    public CheckFactsBuilder pitr(PitrState state) {
        pitr = Fact.of(state);
        return this;
    }

    /** PITR on with {@code days} of recovery period and the latest restorable time {@code lag} ago. */
    public CheckFactsBuilder pitrOn(Integer days, Duration lag) {
        return pitr(new PitrState(true, days, ago(Duration.ofDays(days == null ? 35 : days)), ago(lag)));
    }

    public CheckFactsBuilder onDemand(OnDemandBackup... backups) {
        onDemand = Fact.of(List.of(backups));
        return this;
    }

    public CheckFactsBuilder recoveryPoints(RecoveryPoint... rps) {
        points = Fact.of(List.of(rps));
        return this;
    }

    public CheckFactsBuilder exports(ExportRecord... records) {
        exports = Fact.of(List.of(records));
        return this;
    }

    public CheckFactsBuilder plans(BackupPlan... ps) {
        plans = Fact.of(List.of(ps));
        return this;
    }

    /** Vaults keyed by name, as the collector keys them for the table's account-region. */
    public CheckFactsBuilder vaults(Vault... vs) {
        Map<String, Vault> m = new LinkedHashMap<>();
        for (Vault v : vs) {
            m.put(v.name(), v);
        }
        vaults = Fact.of(m);
        return this;
    }

    public CheckFactsBuilder backupJobs(BackupJob... jobs) {
        backupJobs = Fact.of(List.of(jobs));
        return this;
    }

    public CheckFactsBuilder copyJobs(CopyJob... jobs) {
        copyJobs = Fact.of(List.of(jobs));
        return this;
    }

    /** The table's DescribeTable answer. */
    public CheckFactsBuilder description(io.backupsentinel.model.TableDescription d) {
        description = Fact.of(d);
        return this;
    }

    public CheckFactsBuilder restoreJobs(RestoreJob... jobs) {
        restoreJobs = Fact.of(List.of(jobs));
        return this;
    }

    /** Makes one kind of fact unknown with {@code cause}. */
    public CheckFactsBuilder failed(FactKind kind, String cause) {
        switch (kind) {
            case PITR -> pitr = Fact.failed(cause);
            case ON_DEMAND_BACKUPS -> onDemand = Fact.failed(cause);
            case RECOVERY_POINTS -> points = Fact.failed(cause);
            case EXPORTS -> exports = Fact.failed(cause);
            case PLANS -> plans = Fact.failed(cause);
            case VAULTS -> vaults = Fact.failed(cause);
            case BACKUP_JOBS -> backupJobs = Fact.failed(cause);
            case COPY_JOBS -> copyJobs = Fact.failed(cause);
            case RESTORE_JOBS -> restoreJobs = Fact.failed(cause);
            case DESCRIPTION -> description = Fact.failed(cause);
            default -> throw new IllegalArgumentException("no fact of kind " + kind);
        }
        return this;
    }

    public TableFacts build() {
        return new TableFacts(table, tags == null ? null : Map.copyOf(tags), "ACTIVE", ago(Duration.ofDays(400)),
                pitr, onDemand, points, exports, plans, vaults, backupJobs, copyJobs, restoreJobs, description, NOW);
    }

    // ----- records about this table -----

    /** An AVAILABLE USER backup made {@code age} ago, kept until {@code expiry} (null = forever). */
    public OnDemandBackup backup(Duration age, Instant expiry) {
        return new OnDemandBackup(arn() + "/backup/01" + age.getSeconds(), table.name() + "-" + age.getSeconds(),
                ago(age), "AVAILABLE", "USER", 1024L, expiry);
    }

    /** A recovery point in {@code vault} of the table's region, made {@code age} ago. */
    public RecoveryPoint point(String vault, Duration age, String status, Long deleteAfterDays) {
        return new RecoveryPoint(arn() + "/backup/rp" + vault + age.getSeconds(), arn(), vault,
                vaultArn(REGION, ACCOUNT, vault), ago(age), ago(age).plusSeconds(60), status, deleteAfterDays, null,
                deleteAfterDays == null ? null : ago(age).plus(Duration.ofDays(deleteAfterDays)), true, null, null);
    }

    public static ExportRecord export(String status, Duration age, String sse) {
        return new ExportRecord("arn:aws:dynamodb:us-east-1:111111111111:table/t/export/" + status + age.getSeconds(),
                status, ago(age), ago(age), "COMPLETED".equals(status) ? ago(age).plusSeconds(600) : null,
                "FAILED".equals(status) ? "S3NoSuchBucket" : null,
                "FAILED".equals(status) ? "The specified bucket does not exist" : null, "exports-bucket", sse,
                "FULL_EXPORT", "DYNAMODB_JSON");
    }

    public BackupJob backupJob(String id, String state, Duration age, String message) {
        return new BackupJob(id, arn(), state, ago(age), "COMPLETED".equals(state) ? ago(age).plusSeconds(300) : null,
                message, "prod-vault", null);
    }

    public CopyJob copyJob(String id, String state, Duration age, String destinationRegion, String destinationAccount) {
        return new CopyJob(id, arn(), state, ago(age).minusSeconds(600), "COMPLETED".equals(state) ? ago(age) : null,
                "FAILED".equals(state) ? "Access denied to destination vault" : null,
                vaultArn(REGION, ACCOUNT, "prod-vault"), vaultArn(destinationRegion, destinationAccount, "dr-vault"));
    }

    /** A restore job that finished {@code age} ago after running {@code took}, linked by SourceResourceArn. */
    public RestoreJob restoreJob(String id, String status, Duration age, Duration took, String validation,
                                 String validationMessage) {
        return new RestoreJob(id, arn(), arn() + "/backup/rp" + id, status, ago(age).minus(took), ago(age), null,
                validation, validationMessage, arn() + "-restored-" + id,
                "arn:aws:backup:us-east-1:111111111111:restore-testing-plan:weekly-restore-test");
    }
}
