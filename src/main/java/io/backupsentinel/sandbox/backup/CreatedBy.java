package io.backupsentinel.sandbox.backup;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The RecoveryPointCreator structure of recovery points and jobs: the plan and rule ids the state records,
 * with the plan's name and version and the rule's name, cron and timezone looked up from the plan.
 */
final class CreatedBy {
    private CreatedBy() {
    }

    static void put(ObjectNode n, String planId, String planArn, String ruleId, RegionView view) {
        if (planId == null && planArn == null) {
            return;
        }
        ObjectNode c = n.putObject("CreatedBy");
        Wire.put(c, "BackupPlanId", planId);
        Wire.put(c, "BackupPlanArn", planArn);
        Wire.put(c, "BackupRuleId", ruleId);
        view.planByArn(planArn).ifPresent(p -> {
            c.put("BackupPlanName", p.name());
            Wire.put(c, "BackupPlanVersion", p.versionId());
            view.rule(p, ruleId).ifPresent(r -> {
                c.put("BackupRuleName", r.name());
                Wire.put(c, "BackupRuleCron", r.scheduleExpression());
                Wire.put(c, "BackupRuleTimezone", r.scheduleTimezone());
            });
        });
    }
}
