package io.backupsentinel.testing;

import io.backupsentinel.sandbox.state.BackupJob;
import io.backupsentinel.sandbox.state.CopyJob;
import io.backupsentinel.sandbox.state.Plan;
import io.backupsentinel.sandbox.state.RecoveryPoint;
import io.backupsentinel.sandbox.state.Region;
import io.backupsentinel.sandbox.state.RestoreJob;
import io.backupsentinel.sandbox.state.RestoreTestingPlan;
import io.backupsentinel.sandbox.state.RestoreTestingSelection;
import io.backupsentinel.sandbox.state.Vault;
import io.backupsentinel.sandbox.state.World;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds a sandbox World's AWS Backup state in code for tests: vaults, plans, recovery points, jobs and
 * restore testing in account 111111111111, us-east-1 by default, on a frozen clock at {@link #NOW}. Each
 * builder fills what AWS always has (ARNs, ids, dates) and lets a test set only what it is about.
 */
public final class BackupWorldFixtures {
    public static final String ACCOUNT = "111111111111";
    public static final String REGION = "us-east-1";
    public static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    public static final String ROLE = "arn:aws:iam::111111111111:role/service-role/AWSBackupDefaultServiceRole";

    private final World world;
    private final AtomicInteger ids = new AtomicInteger();

    private BackupWorldFixtures(World world) {
        this.world = world;
    }

    public static BackupWorldFixtures create() {
        return new BackupWorldFixtures(WorldBuilder.frozenWorld(NOW, ACCOUNT));
    }

    public World world() {
        return world;
    }

    public Region region() {
        return region(REGION);
    }

    public Region region(String name) {
        return world.account(ACCOUNT).region(name);
    }

    public static Instant ago(Duration d) {
        return NOW.minus(d);
    }

    public static String tableArn(String table) {
        return "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/" + table;
    }

    private String nextId(String prefix) {
        return String.format("%s%08d-0000-4000-8000-000000000000", prefix, ids.incrementAndGet());
    }

    /** A vault without a lock, encrypted with an AWS-owned key. */
    public Vault vault(String name) {
        return vault(REGION, name, false, null, null, "AWS_OWNED_KMS_KEY", "BACKUP_VAULT");
    }

    public Vault vault(String region, String name, boolean locked, Long minDays, Long maxDays, String keyType,
                       String vaultType) {
        Region r = region(region);
        String key = "arn:aws:kms:" + region + ":" + ACCOUNT + ":key/" + name + "-key";
        Vault v = new Vault(name, r.vaultArn(name), NOW.minus(Duration.ofDays(400)), key, keyType, vaultType, locked,
                minDays, maxDays, locked ? NOW.minus(Duration.ofDays(100)) : null);
        r.vaults().put(name, v);
        return v;
    }

    public Plan plan(String name, List<Plan.Rule> rules, List<Plan.Selection> selections) {
        String id = nextId("p");
        Plan p = new Plan(id, "arn:aws:backup:" + REGION + ":" + ACCOUNT + ":backup-plan:" + id, name,
                "v-" + id.substring(0, 9), NOW.minus(Duration.ofDays(200)), rules, selections);
        region().plans().put(id, p);
        return p;
    }

    public static Plan.Rule hourlyRule(String id, String vault, Long deleteAfterDays, List<Plan.Copy> copies) {
        return new Plan.Rule(id, "hourly", vault, "cron(0 * ? * * *)", "Etc/UTC", 60L, 120L, deleteAfterDays,
                null, false, copies);
    }

    public static Plan.Selection selectionByArn(String id, String name, String... arns) {
        return new Plan.Selection(id, name, ROLE, NOW.minus(Duration.ofDays(150)), List.of(arns), List.of(),
                List.of(), List.of());
    }

    public RecoveryPointBuilder recoveryPoint(String table, Vault vault) {
        return new RecoveryPointBuilder(table, vault);
    }

    public BackupJob backupJob(String table, Vault vault, String state, Instant created, String message) {
        return backupJob(table, vault, state, created, message, null, null);
    }

    /** A backup job; COMPLETED jobs finish 12 minutes after they start. {@code plan} may be null (on demand). */
    public BackupJob backupJob(String table, Vault vault, String state, Instant created, String message, Plan plan,
                               String ruleId) {
        String id = nextId("b");
        BackupJob j = new BackupJob(id, tableArn(table), table, vault.name(), vault.arn(), null, state, message,
                created, "COMPLETED".equals(state) ? created.plus(Duration.ofMinutes(12)) : null, 2048L,
                plan == null ? null : plan.id(), plan == null ? null : plan.arn(), ruleId, ROLE);
        region().backupJobs().add(j);
        return j;
    }

    public CopyJob copyJob(String table, Vault source, String destinationVaultArn, String state, Instant created) {
        String id = nextId("c");
        CopyJob j = new CopyJob(id, tableArn(table), table, source.arn(), null, destinationVaultArn, null, state,
                null, created, "COMPLETED".equals(state) ? created.plus(Duration.ofMinutes(30)) : null, 4096L, ROLE);
        region().copyJobs().add(j);
        return j;
    }

    /** A restore job of a recovery point; sourceResourceArn may be null as in older AWS responses. */
    public RestoreJob restoreJob(RecoveryPoint rp, String sourceResourceArn, String status, Instant created,
                                 Duration took, String validationStatus, String testingPlanArn) {
        String id = nextId("r").substring(0, 36);
        RestoreJob j = new RestoreJob(id, rp.arn(), sourceResourceArn,
                "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/restored-" + id.substring(0, 9), status,
                null, created, took == null ? null : created.plus(took), validationStatus,
                validationStatus == null ? null : "validation " + validationStatus.toLowerCase(),
                "SUCCESSFUL", null, testingPlanArn, 25L, ROLE, 1024L);
        region().restoreJobs().put(id, j);
        return j;
    }

    public RestoreTestingPlan restoreTestingPlan(String name, List<String> includeVaults) {
        RestoreTestingPlan p = new RestoreTestingPlan(name,
                "arn:aws:backup:" + REGION + ":" + ACCOUNT + ":restore-testing-plan:" + name + "-abcdef",
                NOW.minus(Duration.ofDays(60)), "cron(0 3 ? * SUN *)", "Etc/UTC", 8L, "LATEST_WITHIN_WINDOW",
                includeVaults, List.of("SNAPSHOT"), 7L, NOW.minus(Duration.ofDays(3)));
        region().restoreTestingPlans().put(name, p);
        return p;
    }

    public RestoreTestingSelection restoreTestingSelection(String plan, String name, List<String> arns,
                                                           List<Plan.TagCondition> conditions) {
        RestoreTestingSelection s = new RestoreTestingSelection(plan, name, NOW.minus(Duration.ofDays(59)),
                "DynamoDB", arns, conditions, 4L, ROLE);
        region().restoreTestingSelections().put(plan + "/" + name, s);
        return s;
    }

    /** A recovery point, COMPLETED and encrypted with its vault's key unless told otherwise. */
    public final class RecoveryPointBuilder {
        private final String table;
        private final Vault vault;
        private Instant created = NOW.minus(Duration.ofHours(1));
        private String status = "COMPLETED";
        private String statusMessage;
        private Long deleteAfterDays;
        private Long coldAfterDays;
        private String sourceVaultArn;
        private Plan plan;
        private String ruleId;
        private String region = REGION;

        private RecoveryPointBuilder(String table, Vault vault) {
            this.table = table;
            this.vault = vault;
        }

        public RecoveryPointBuilder created(Instant t) {
            this.created = t;
            return this;
        }

        public RecoveryPointBuilder status(String s, String message) {
            this.status = s;
            this.statusMessage = message;
            return this;
        }

        public RecoveryPointBuilder lifecycle(Long deleteAfter, Long coldAfter) {
            this.deleteAfterDays = deleteAfter;
            this.coldAfterDays = coldAfter;
            return this;
        }

        public RecoveryPointBuilder copiedFrom(String vaultArn) {
            this.sourceVaultArn = vaultArn;
            return this;
        }

        public RecoveryPointBuilder plan(Plan p, String rule) {
            this.plan = p;
            this.ruleId = rule;
            return this;
        }

        public RecoveryPointBuilder inRegion(String r) {
            this.region = r;
            return this;
        }

        public RecoveryPoint add() {
            String arn = "arn:aws:backup:" + region + ":" + ACCOUNT + ":recovery-point:" + table + "-"
                    + nextId("rp").substring(0, 12);
            RecoveryPoint rp = new RecoveryPoint(arn, tableArn(table), table, vault.name(), vault.arn(), created,
                    "COMPLETED".equals(status) ? created.plus(Duration.ofMinutes(10)) : null, status, statusMessage,
                    deleteAfterDays, coldAfterDays, true, vault.encryptionKeyArn(), sourceVaultArn, 1_000_000L,
                    plan == null ? null : plan.id(), plan == null ? null : plan.arn(), ruleId, ROLE);
            region(region).recoveryPoints().put(arn, rp);
            return rp;
        }
    }
}
