package io.backupsentinel.sandbox.scenario;

import io.backupsentinel.yaml.YMap;
import io.backupsentinel.yaml.YNode;
import io.backupsentinel.sandbox.state.BackupJob;
import io.backupsentinel.sandbox.state.Plan;
import io.backupsentinel.sandbox.state.RecoveryPoint;
import io.backupsentinel.sandbox.state.Region;
import io.backupsentinel.sandbox.state.Vault;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Reads AWS Backup recovery points, one or a series, under a table or under a region (where {@code table:}
 * names the table, or its ARN for copies of tables elsewhere). {@code with_jobs: true} also records the
 * backup job that made each point.
 */
final class PointReader {
    static final List<String> STATUSES = List.of("COMPLETED", "PARTIAL", "DELETING", "EXPIRED", "AVAILABLE",
            "STOPPED", "CREATING");

    private PointReader() {
    }

    /** A region-level entry: the table comes from its {@code table:} key. */
    static void readInRegion(LoadContext ctx, Region region, YNode node) {
        if (!node.isMap()) {
            node.map();
            return;
        }
        YMap peek = node.map();
        String table = peek.requiredStr("table");
        if (table == null) {
            return;
        }
        String arn = table.startsWith("arn:") ? table : region.tableArn(table);
        if (!table.startsWith("arn:") && !region.tables().containsKey(table)) {
            peek.get("table").error("no table '" + table + "' in this region; give its ARN for a table elsewhere");
            return;
        }
        read(ctx, region, arn, arn.substring(arn.lastIndexOf('/') + 1), node, peek);
    }

    static void read(LoadContext ctx, Region region, String tableArn, String tableName, YNode node) {
        read(ctx, region, tableArn, tableName, node, node.map());
    }

    private static void read(LoadContext ctx, Region region, String tableArn, String tableName, YNode node, YMap m) {
        List<Instant> times = Series.times(m, ctx);
        String vaultName = m.requiredStr("vault");
        Vault vault = vaultName == null ? null : region.vaults().get(vaultName);
        if (vaultName != null && vault == null) {
            m.get("vault").error("no vault '" + vaultName + "' in this region; define it under vaults");
        }
        String status = m.oneOf("status", "COMPLETED", STATUSES);
        String message = m.str("message");
        Duration took = m.duration("took", Duration.ofMinutes(10));
        PlanLink link = PlanLink.read(m, region);
        YNode lcNode = m.get("lifecycle");
        Lifecycle lc = lcNode != null ? Lifecycle.read(lcNode)
                : link.rule() != null ? new Lifecycle(link.rule().deleteAfterDays(), link.rule().moveToColdStorageAfterDays())
                : Lifecycle.NONE;
        boolean encrypted = m.bool("encrypted", true);
        String key = m.str("kms_key", vault == null ? null : vault.encryptionKeyArn());
        YNode sourceNode = m.get("source_vault");
        String sourceVault = null;
        if (sourceNode != null) {
            VaultRef ref = VaultRef.parse(sourceNode, region);
            if (ref != null) {
                ref.mustExist(ctx, sourceNode);
                sourceVault = ref.arn();
            }
        }
        long size = m.integer("size_bytes", 1_048_576L, 0, Long.MAX_VALUE);
        String role = Roles.arn(m.str("role", "service-role/AWSBackupDefaultServiceRole"), region.account());
        boolean withJobs = m.bool("with_jobs", false);
        m.finish();
        if (vault == null) {
            return;
        }
        for (Instant created : times) {
            String arn = "arn:aws:backup:" + region.name() + ":" + region.account() + ":recovery-point:" + ctx.ids.uuid();
            Instant completed = "CREATING".equals(status) ? null : created.plus(took);
            region.recoveryPoints().put(arn, new RecoveryPoint(arn, tableArn, tableName, vault.name(), vault.arn(),
                    created, completed, status, message, lc.deleteAfterDays(), lc.coldAfterDays(), encrypted,
                    encrypted ? key : null, sourceVault, size, link.planId(), link.planArn(), link.ruleId(), role));
            if (withJobs) {
                region.backupJobs().add(new BackupJob(ctx.ids.uuid().toUpperCase(java.util.Locale.ROOT), tableArn,
                        tableName, vault.name(), vault.arn(), arn, jobState(status), message, created, completed,
                        size, link.planId(), link.planArn(), link.ruleId(), role));
            }
        }
    }

    /** The state of the backup job that made a point in this status. */
    static String jobState(String pointStatus) {
        return switch (pointStatus) {
            case "PARTIAL" -> "PARTIAL";
            case "CREATING" -> "RUNNING";
            case "STOPPED" -> "ABORTED";
            default -> "COMPLETED";
        };
    }

    /** The plan and rule a point or job came from: {@code plan: gold-plan, rule: hourly} (rule: the plan's first). */
    record PlanLink(String planId, String planArn, String ruleId, Plan.Rule rule) {
        static PlanLink read(YMap m, Region region) {
            String planName = m.str("plan");
            String ruleName = m.str("rule");
            if (planName == null) {
                if (ruleName != null) {
                    m.get("rule").error("a rule needs its plan: add plan");
                }
                return new PlanLink(null, null, null, null);
            }
            Plan plan = ScenarioRefs.plan(region, planName);
            if (plan == null) {
                m.get("plan").error("no plan '" + planName + "' in this region; define it under plans");
                return new PlanLink(null, null, null, null);
            }
            Plan.Rule rule = ruleName == null ? (plan.rules().isEmpty() ? null : plan.rules().get(0))
                    : ScenarioRefs.rule(plan, ruleName);
            if (ruleName != null && rule == null) {
                m.get("rule").error("plan '" + planName + "' has no rule '" + ruleName + "'");
            }
            return new PlanLink(plan.id(), plan.arn(), rule == null ? null : rule.id(), rule);
        }
    }
}
