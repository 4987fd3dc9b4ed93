package io.backupsentinel.sandbox.dynamodb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupsentinel.sandbox.http.AwsError;
import io.backupsentinel.sandbox.http.RequestContext;
import io.backupsentinel.sandbox.state.Table;

import java.time.Instant;

/**
 * DescribeContinuousBackups and UpdateContinuousBackups. The restorable window is computed from the virtual
 * clock when read, so LatestRestorableDateTime keeps trailing "now" by the table's lag as time advances.
 */
final class ContinuousBackupOperations {

    ObjectNode describe(JsonInput in, RequestContext ctx) {
        String name = in.requiredString("TableName");
        Table t = Tables.find(ctx, name).orElseThrow(() -> DdbErrors.tableNotFound(Tables.displayName(name)));
        return response(t, ctx.now());
    }

    ObjectNode update(JsonInput in, RequestContext ctx) {
        String name = in.requiredString("TableName");
        if (!in.has("PointInTimeRecoverySpecification")) {
            throw AwsError.validation("1 validation error detected: Value null at 'pointInTimeRecoverySpecification' "
                    + "failed to satisfy constraint: Member must not be null");
        }
        JsonInput spec = in.child("PointInTimeRecoverySpecification");
        Boolean enabled = spec.bool("PointInTimeRecoveryEnabled");
        if (enabled == null) {
            throw AwsError.validation("1 validation error detected: Value null at "
                    + "'pointInTimeRecoverySpecification.pointInTimeRecoveryEnabled' failed to satisfy constraint: "
                    + "Member must not be null");
        }
        Integer period = spec.has("RecoveryPeriodInDays") ? JsonInput.checkRange(
                "pointInTimeRecoverySpecification.recoveryPeriodInDays",
                spec.node("RecoveryPeriodInDays").asInt(), 1, 35) : null;
        if (!enabled && period != null) {
            throw AwsError.validation("Invalid Request: RecoveryPeriodInDays can only be set when "
                    + "PointInTimeRecoveryEnabled is true");
        }
        Table t = Tables.find(ctx, name).orElseThrow(() -> DdbErrors.tableNotFound(Tables.displayName(name)));
        Instant now = ctx.now();
        if ("CREATING".equals(t.status(now))) {
            throw DdbErrors.continuousBackupsUnavailable(t.name());
        }
        Table updated = ctx.region().tables().computeIfPresent(t.name(), (k, cur) -> {
            if (!enabled) {
                return cur.withPitr(null, cur.recoveryPeriodDays());
            }
            Instant since = cur.pitrEnabled() ? cur.pitrEnabledAt() : now;
            int days = period != null ? period : cur.pitrEnabled() ? cur.recoveryPeriodDays() : 35;
            return cur.withPitr(since, days);
        });
        if (updated == null) {
            throw DdbErrors.tableNotFound(t.name());
        }
        return response(updated, now);
    }

    private static ObjectNode response(Table t, Instant now) {
        ObjectNode out = JsonInput.object();
        ObjectNode desc = out.putObject("ContinuousBackupsDescription");
        desc.put("ContinuousBackupsStatus", "ENABLED");
        ObjectNode pitr = desc.putObject("PointInTimeRecoveryDescription");
        if (t.pitrEnabled()) {
            pitr.put("PointInTimeRecoveryStatus", "ENABLED");
            pitr.put("RecoveryPeriodInDays", t.recoveryPeriodDays());
            JsonOutput.time(pitr, "EarliestRestorableDateTime", t.earliestRestorable(now));
            JsonOutput.time(pitr, "LatestRestorableDateTime", t.latestRestorable(now));
        } else {
            pitr.put("PointInTimeRecoveryStatus", "DISABLED");
        }
        return out;
    }
}
