package io.backupsentinel.sandbox.scenario;

import io.backupsentinel.yaml.YMap;
import io.backupsentinel.yaml.YNode;
import io.backupsentinel.sandbox.state.BackupJob;
import io.backupsentinel.sandbox.state.CopyJob;
import io.backupsentinel.sandbox.state.RecoveryPoint;
import io.backupsentinel.sandbox.state.Region;
import io.backupsentinel.sandbox.state.RestoreJob;
import io.backupsentinel.sandbox.state.RestoreTestingPlan;
import io.backupsentinel.sandbox.state.Table;
import io.backupsentinel.sandbox.state.Vault;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Reads a table's {@code backup_jobs:}, {@code copy_jobs:} and {@code restore_jobs:}. A COMPLETED copy job
 * also puts the copy (a recovery point with its source vault) into the destination vault; a restore job
 * restores the table's newest recovery point made before it unless it names one.
 */
final class JobReader {
    static final List<String> BACKUP_STATES = List.of("CREATED", "PENDING", "RUNNING", "ABORTING", "ABORTED",
            "COMPLETED", "FAILED", "EXPIRED", "PARTIAL");
    static final List<String> COPY_STATES = List.of("CREATED", "RUNNING", "COMPLETED", "FAILED", "PARTIAL");
    static final List<String> RESTORE_STATUSES = List.of("PENDING", "RUNNING", "COMPLETED", "ABORTED", "FAILED");
    static final List<String> VALIDATION = List.of("SUCCESSFUL", "FAILED", "TIMED_OUT", "VALIDATING");
    static final List<String> DELETION = List.of("DELETING", "FAILED", "SUCCESSFUL");
    private static final String DEFAULT_ROLE = "service-role/AWSBackupDefaultServiceRole";

    private JobReader() {
    }

    static void backupJob(LoadContext ctx, Region region, Table table, YNode node) {
        YMap m = node.map();
        List<Instant> times = Series.times(m, ctx);
        String vaultName = m.requiredStr("vault");
        Vault vault = vaultName == null ? null : region.vaults().get(vaultName);
        if (vaultName != null && vault == null) {
            m.get("vault").error("no vault '" + vaultName + "' in this region; define it under vaults");
        }
        String state = m.oneOf("state", "COMPLETED", BACKUP_STATES);
        String message = m.str("message");
        Duration took = m.duration("took", Duration.ofMinutes(10));
        PointReader.PlanLink link = PointReader.PlanLink.read(m, region);
        long size = m.integer("size_bytes", table.sizeBytes(), 0, Long.MAX_VALUE);
        String role = Roles.arn(m.str("role", DEFAULT_ROLE), region.account());
        m.finish();
        if (vault == null) {
            return;
        }
        boolean finished = List.of("ABORTED", "COMPLETED", "FAILED", "EXPIRED", "PARTIAL").contains(state);
        for (Instant created : times) {
            RecoveryPoint rp = "COMPLETED".equals(state) || "PARTIAL".equals(state)
                    ? ScenarioRefs.newestPoint(region, table.arn(), vault.name(), created.plus(took)) : null;
            region.backupJobs().add(new BackupJob(jobId(ctx), table.arn(), table.name(), vault.name(), vault.arn(),
                    rp == null ? null : rp.arn(), state, message, created, finished ? created.plus(took) : null,
                    "FAILED".equals(state) ? 0 : size, link.planId(), link.planArn(), link.ruleId(), role));
        }
    }

    static void copyJob(LoadContext ctx, Region region, Table table, YNode node) {
        YMap m = node.map();
        List<Instant> times = Series.times(m, ctx);
        YNode toNode = m.get("to");
        VaultRef to = null;
        if (toNode == null) {
            m.missing("to");
        } else {
            to = VaultRef.parse(toNode, region);
            if (to != null) {
                to.mustExist(ctx, toNode);
            }
        }
        String fromName = m.requiredStr("from");
        Vault from = fromName == null ? null : region.vaults().get(fromName);
        if (fromName != null && from == null) {
            m.get("from").error("no vault '" + fromName + "' in this region; define it under vaults");
        }
        String state = m.oneOf("state", "COMPLETED", COPY_STATES);
        String message = m.str("message");
        Duration took = m.duration("took", Duration.ofMinutes(30));
        Lifecycle lc = Lifecycle.read(m.get("lifecycle"));
        long size = m.integer("size_bytes", table.sizeBytes(), 0, Long.MAX_VALUE);
        String role = Roles.arn(m.str("role", DEFAULT_ROLE), region.account());
        m.finish();
        if (to == null || from == null) {
            return;
        }
        VaultRef dest = to;
        for (Instant created : times) {
            RecoveryPoint source = ScenarioRefs.newestPoint(region, table.arn(), from.name(), created);
            Instant completed = "COMPLETED".equals(state) || "FAILED".equals(state) || "PARTIAL".equals(state)
                    ? created.plus(took) : null;
            String destPointArn = "COMPLETED".equals(state) ? "arn:aws:backup:" + dest.region() + ":" + dest.account()
                    + ":recovery-point:" + ctx.ids.uuid() : null;
            region.copyJobs().add(new CopyJob(jobId(ctx), table.arn(), table.name(), from.arn(),
                    source == null ? null : source.arn(), dest.arn(), destPointArn, state, message, created, completed,
                    size, role));
            if (destPointArn != null) {
                // The copy lands in the destination once the whole world is read (the vault may come later).
                ctx.later(() -> ctx.world.findAccount(dest.account()).map(a -> a.regions().get(dest.region()))
                        .ifPresent(r -> {
                            Vault v = r.vaults().get(dest.vault());
                            if (v != null) {
                                r.recoveryPoints().put(destPointArn, new RecoveryPoint(destPointArn, table.arn(),
                                        table.name(), v.name(), v.arn(), created, completed, "COMPLETED", null,
                                        lc.deleteAfterDays(), lc.coldAfterDays(), true, v.encryptionKeyArn(),
                                        from.arn(), size, null, null, null, role));
                            }
                        }));
            }
        }
    }

    static void restoreJob(LoadContext ctx, Region region, Table table, YNode node) {
        YMap m = node.map();
        List<Instant> times = Series.times(m, ctx);
        String status = m.oneOf("status", "COMPLETED", RESTORE_STATUSES);
        String message = m.str("message");
        Duration took = m.duration("took", Duration.ofMinutes(20));
        String validation = m.oneOf("validation", null, VALIDATION);
        String validationMessage = m.str("validation_message");
        String deletion = m.oneOf("deletion", null, DELETION);
        String planName = m.str("testing_plan");
        RestoreTestingPlan testingPlan = planName == null ? null : region.restoreTestingPlans().get(planName);
        if (planName != null && testingPlan == null) {
            m.get("testing_plan").error("no restore testing plan '" + planName
                    + "' in this region; define it under restore_testing_plans");
        }
        String createdResource = m.str("created_resource");
        boolean sourceArn = m.bool("source_arn", true);
        String vault = m.str("vault");
        Long expected = m.integer("expected_minutes", null, 0, Long.MAX_VALUE);
        String role = Roles.arn(m.str("role", DEFAULT_ROLE), region.account());
        m.finish();
        boolean finished = !"PENDING".equals(status) && !"RUNNING".equals(status);
        for (Instant created : times) {
            RecoveryPoint rp = ScenarioRefs.newestPoint(region, table.arn(), vault, created);
            String rpArn = rp != null ? rp.arn()
                    : "arn:aws:backup:" + region.name() + ":" + region.account() + ":recovery-point:" + ctx.ids.uuid();
            String restored = createdResource != null ? createdResource
                    : "COMPLETED".equals(status) ? region.tableArn(table.name() + "-restore-" + ctx.ids.hex(8)) : null;
            String jobDeletion = deletion != null ? deletion : testingPlan != null && "COMPLETED".equals(status)
                    ? "SUCCESSFUL" : null;
            String id = jobId(ctx);
            region.restoreJobs().put(id, new RestoreJob(id, rpArn, sourceArn ? table.arn() : null, restored, status,
                    message, created, finished ? created.plus(took) : null, validation, validationMessage, jobDeletion,
                    null, testingPlan == null ? null : testingPlan.arn(), expected, role,
                    rp == null ? table.sizeBytes() : rp.backupSizeBytes()));
        }
    }

    private static String jobId(LoadContext ctx) {
        return ctx.ids.uuid().toUpperCase(Locale.ROOT);
    }
}
