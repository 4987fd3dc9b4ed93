package io.backupsentinel.sandbox.backup;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupsentinel.sandbox.state.BackupJob;
import io.backupsentinel.sandbox.state.Plan;

import java.time.Instant;
import java.util.Map;

/**
 * ListBackupPlans, GetBackupPlan (with its rules, copy actions and, on request, ScheduledRunsPreview),
 * ListBackupSelections and GetBackupSelection. The sandbox keeps one version per plan and no deleted
 * plans, so IncludeDeleted lists the same plans and a VersionId other than the current one is not found.
 */
final class PlanOperations {
    private PlanOperations() {
    }

    static void register(Map<String, Operation> ops) {
        ops.put("ListBackupPlans", PlanOperations::list);
        ops.put("GetBackupPlan", PlanOperations::get);
        ops.put("ListBackupSelections", PlanOperations::listSelections);
        ops.put("GetBackupSelection", PlanOperations::getSelection);
    }

    static ObjectNode list(BackupCall call) {
        call.queryBoolean("includeDeleted");
        return call.listResponse(PageParams.LOWER, call.region().plans().values().stream().toList(),
                p -> p.name() + "|" + p.id(), "BackupPlansList", p -> {
                    ObjectNode n = Wire.object();
                    n.put("BackupPlanArn", p.arn());
                    n.put("BackupPlanId", p.id());
                    Wire.put(n, "CreationDate", p.created());
                    n.put("VersionId", p.versionId());
                    n.put("BackupPlanName", p.name());
                    Wire.put(n, "LastExecutionDate", lastExecution(call, p));
                    return n;
                });
    }

    static ObjectNode get(BackupCall call) {
        Plan p = require(call);
        String version = call.query("versionId");
        if (version != null && !version.equals(p.versionId())) {
            throw BackupErrors.resourceNotFound("VersionId",
                    "Backup plan " + p.id() + " has no version " + version);
        }
        Integer previewRuns = call.queryInt("MaxScheduledRunsPreview", 0, 10);
        ObjectNode out = Wire.object();
        ObjectNode plan = out.putObject("BackupPlan");
        plan.put("BackupPlanName", p.name());
        ArrayNode rules = plan.putArray("Rules");
        p.rules().forEach(r -> rules.add(rule(r)));
        out.put("BackupPlanId", p.id());
        out.put("BackupPlanArn", p.arn());
        out.put("VersionId", p.versionId());
        Wire.put(out, "CreationDate", p.created());
        Wire.put(out, "LastExecutionDate", lastExecution(call, p));
        if (previewRuns != null && previewRuns > 0) {
            ArrayNode runs = out.putArray("ScheduledRunsPreview");
            SchedulePreview.next(p.rules(), call.now(), previewRuns).forEach(run -> {
                ObjectNode n = runs.addObject();
                Wire.put(n, "ExecutionTime", run.time());
                n.put("RuleId", run.rule().id());
                n.put("RuleExecutionType", run.rule().continuousBackup() ? "CONTINUOUS_AND_SNAPSHOTS" : "SNAPSHOTS");
            });
        }
        return out;
    }

    static ObjectNode listSelections(BackupCall call) {
        Plan p = require(call);
        return call.listResponse(PageParams.LOWER, p.selections(), s -> s.name() + "|" + s.id(),
                "BackupSelectionsList", s -> {
                    ObjectNode n = Wire.object();
                    n.put("SelectionId", s.id());
                    n.put("SelectionName", s.name());
                    n.put("BackupPlanId", p.id());
                    Wire.put(n, "CreationDate", s.created());
                    Wire.put(n, "IamRoleArn", s.iamRoleArn());
                    return n;
                });
    }

    static ObjectNode getSelection(BackupCall call) {
        Plan p = require(call);
        String id = call.label("selectionId");
        Plan.Selection s = p.selections().stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> BackupErrors.resourceNotFound("SelectionId",
                        "Backup plan " + p.id() + " has no selection " + id));
        ObjectNode out = Wire.object();
        out.set("BackupSelection", SelectionJson.json(s));
        out.put("SelectionId", s.id());
        out.put("BackupPlanId", p.id());
        Wire.put(out, "CreationDate", s.created());
        return out;
    }

    private static Plan require(BackupCall call) {
        String id = call.label("backupPlanId");
        Plan p = call.region().plans().get(id);
        if (p == null) {
            throw BackupErrors.resourceNotFound("BackupPlanId", "Backup plan " + id + " does not exist in account "
                    + call.context().account() + " region " + call.context().regionName());
        }
        return p;
    }

    /** The newest backup job the plan started: AWS's LastExecutionDate. */
    private static Instant lastExecution(BackupCall call, Plan p) {
        return call.region().backupJobs().stream().filter(j -> p.id().equals(j.planId()))
                .map(BackupJob::created).max(Instant::compareTo).orElse(null);
    }

    private static ObjectNode rule(Plan.Rule r) {
        ObjectNode n = Wire.object();
        n.put("RuleName", r.name());
        n.put("TargetBackupVaultName", r.targetVault());
        Wire.put(n, "ScheduleExpression", r.scheduleExpression());
        Wire.put(n, "StartWindowMinutes", r.startWindowMinutes());
        Wire.put(n, "CompletionWindowMinutes", r.completionWindowMinutes());
        Wire.lifecycle(n, "Lifecycle", r.deleteAfterDays(), r.moveToColdStorageAfterDays());
        n.put("RuleId", r.id());
        ArrayNode copies = n.putArray("CopyActions");
        for (Plan.Copy c : r.copyActions()) {
            ObjectNode cn = copies.addObject();
            Wire.lifecycle(cn, "Lifecycle", c.deleteAfterDays(), c.moveToColdStorageAfterDays());
            cn.put("DestinationBackupVaultArn", c.destinationVaultArn());
        }
        n.put("EnableContinuousBackup", r.continuousBackup());
        Wire.put(n, "ScheduleExpressionTimezone", r.scheduleTimezone());
        return n;
    }
}
