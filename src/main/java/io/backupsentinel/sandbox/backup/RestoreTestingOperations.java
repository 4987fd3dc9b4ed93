package io.backupsentinel.sandbox.backup;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupsentinel.sandbox.state.Plan;
import io.backupsentinel.sandbox.state.RestoreTestingPlan;
import io.backupsentinel.sandbox.state.RestoreTestingSelection;

import java.util.List;
import java.util.Map;

/**
 * ListRestoreTestingPlans, GetRestoreTestingPlan, ListRestoreTestingSelections and
 * GetRestoreTestingSelection. These operations spell their paging parameters MaxResults / NextToken.
 */
final class RestoreTestingOperations {
    private RestoreTestingOperations() {
    }

    static void register(Map<String, Operation> ops) {
        ops.put("ListRestoreTestingPlans", RestoreTestingOperations::listPlans);
        ops.put("GetRestoreTestingPlan", RestoreTestingOperations::getPlan);
        ops.put("ListRestoreTestingSelections", RestoreTestingOperations::listSelections);
        ops.put("GetRestoreTestingSelection", RestoreTestingOperations::getSelection);
    }

    static ObjectNode listPlans(BackupCall call) {
        return call.listResponse(PageParams.UPPER, List.copyOf(call.region().restoreTestingPlans().values()),
                RestoreTestingPlan::name, "RestoreTestingPlans", RestoreTestingOperations::planSummary);
    }

    static ObjectNode getPlan(BackupCall call) {
        RestoreTestingPlan p = requirePlan(call);
        ObjectNode plan = planSummary(p);
        ObjectNode selection = plan.putObject("RecoveryPointSelection");
        Wire.put(selection, "Algorithm", p.algorithm());
        Wire.putStrings(selection, "IncludeVaults", p.includeVaults());
        Wire.putStrings(selection, "RecoveryPointTypes", p.recoveryPointTypes());
        Wire.put(selection, "SelectionWindowDays", p.selectionWindowDays());
        ObjectNode out = Wire.object();
        out.set("RestoreTestingPlan", plan);
        return out;
    }

    static ObjectNode listSelections(BackupCall call) {
        RestoreTestingPlan plan = requirePlan(call);
        List<RestoreTestingSelection> selections = call.region().restoreTestingSelections().values().stream()
                .filter(s -> s.planName().equals(plan.name())).toList();
        return call.listResponse(PageParams.UPPER, selections, RestoreTestingSelection::name,
                "RestoreTestingSelections", RestoreTestingOperations::selectionSummary);
    }

    static ObjectNode getSelection(BackupCall call) {
        RestoreTestingPlan plan = requirePlan(call);
        String name = call.label("RestoreTestingSelectionName");
        RestoreTestingSelection s = call.region().restoreTestingSelections().get(plan.name() + "/" + name);
        if (s == null) {
            throw BackupErrors.resourceNotFound("RestoreTestingSelectionName",
                    "Restore testing plan " + plan.name() + " has no selection " + name);
        }
        ObjectNode selection = selectionSummary(s);
        Wire.putStrings(selection, "ProtectedResourceArns", s.protectedResourceArns());
        if (!s.conditions().isEmpty()) {
            ObjectNode conditions = selection.putObject("ProtectedResourceConditions");
            for (String type : List.of("StringEquals", "StringNotEquals")) {
                ArrayNode kv = conditions.putArray(type);
                for (Plan.TagCondition c : s.conditions()) {
                    if (c.type().equalsIgnoreCase(type)) {
                        kv.addObject().put("Key", c.key()).put("Value", c.value());
                    }
                }
            }
        }
        ObjectNode out = Wire.object();
        out.set("RestoreTestingSelection", selection);
        return out;
    }

    private static RestoreTestingPlan requirePlan(BackupCall call) {
        String name = call.label("RestoreTestingPlanName");
        RestoreTestingPlan p = call.region().restoreTestingPlans().get(name);
        if (p == null) {
            throw BackupErrors.resourceNotFound("RestoreTestingPlanName", "Restore testing plan " + name
                    + " does not exist in account " + call.context().account() + " region "
                    + call.context().regionName());
        }
        return p;
    }

    private static ObjectNode planSummary(RestoreTestingPlan p) {
        ObjectNode n = Wire.object();
        Wire.put(n, "CreationTime", p.created());
        Wire.put(n, "LastExecutionTime", p.lastExecution());
        n.put("RestoreTestingPlanArn", p.arn());
        n.put("RestoreTestingPlanName", p.name());
        n.put("ScheduleExpression", p.scheduleExpression());
        Wire.put(n, "ScheduleExpressionTimezone", p.scheduleTimezone());
        Wire.put(n, "StartWindowHours", p.startWindowHours());
        return n;
    }

    private static ObjectNode selectionSummary(RestoreTestingSelection s) {
        ObjectNode n = Wire.object();
        Wire.put(n, "CreationTime", s.created());
        n.put("IamRoleArn", s.iamRoleArn());
        n.put("ProtectedResourceType", s.protectedResourceType());
        n.put("RestoreTestingPlanName", s.planName());
        n.put("RestoreTestingSelectionName", s.name());
        Wire.put(n, "ValidationWindowHours", s.validationWindowHours());
        return n;
    }
}
