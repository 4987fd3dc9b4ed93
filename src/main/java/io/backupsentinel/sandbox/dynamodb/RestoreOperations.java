package io.backupsentinel.sandbox.dynamodb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupsentinel.sandbox.http.AwsError;
import io.backupsentinel.sandbox.http.RequestContext;
import io.backupsentinel.sandbox.state.DdbBackup;
import io.backupsentinel.sandbox.state.Region;
import io.backupsentinel.sandbox.state.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * RestoreTableToPointInTime and RestoreTableFromBackup. The new table is CREATING until
 * {@code now + restoreDelay} on the virtual clock, then ACTIVE; like AWS, it gets neither the source's tags
 * nor its PITR setting.
 */
final class RestoreOperations {
    private final TableDetailsStore details;
    private final BackupOperations backups;
    private final Duration restoreDelay;

    RestoreOperations(TableDetailsStore details, BackupOperations backups, Duration restoreDelay) {
        this.details = details;
        this.backups = backups;
        this.restoreDelay = restoreDelay;
    }

    ObjectNode toPointInTime(JsonInput in, RequestContext ctx) {
        String target = TableOperations.validName(in, "TargetTableName");
        String byArn = in.string("SourceTableArn");
        String byName = in.string("SourceTableName");
        if ((byArn == null) == (byName == null)) {
            throw AwsError.validation("One of SourceTableArn or SourceTableName must be specified, but not both");
        }
        boolean useLatest = Boolean.TRUE.equals(in.bool("UseLatestRestorableTime"));
        Instant requested = in.timestamp("RestoreDateTime");
        if (useLatest == (requested != null)) {
            throw AwsError.validation("Exactly one of RestoreDateTime or UseLatestRestorableTime=true must be specified");
        }
        String source = byArn != null ? byArn : byName;
        Table src = Tables.find(ctx, source).orElseThrow(() -> DdbErrors.tableNotFound(Tables.displayName(source)));
        Instant now = ctx.now();
        if (!src.pitrEnabled()) {
            throw DdbErrors.pitrUnavailable(src.name());
        }
        Instant earliest = src.earliestRestorable(now);
        Instant latest = src.latestRestorable(now);
        Instant at = useLatest ? latest : requested;
        if (at.isBefore(earliest) || at.isAfter(latest)) {
            throw DdbErrors.invalidRestoreTime("Invalid restore time: " + at + ". RestoreDateTime must be between "
                    + "EarliestRestorableDateTime (" + earliest + ") and LatestRestorableDateTime (" + latest + ")");
        }
        TableDetails restored = billing(in, details.of(src))
                .withRestore(new TableDetails.Restore(null, src.arn(), at));
        return create(ctx, target, src, restored);
    }

    ObjectNode fromBackup(JsonInput in, RequestContext ctx) {
        String target = TableOperations.validName(in, "TargetTableName");
        String arn = in.requiredString("BackupArn");
        DdbBackup b = ctx.region().backups().get(arn);
        if (b == null) {
            throw DdbErrors.backupNotFound(arn);
        }
        if (!"AVAILABLE".equals(b.status(ctx.now()))) {
            throw DdbErrors.backupInUse(arn);
        }
        BackupOperations.Source src = backups.source(b, ctx.region());
        TableDetails restored = billing(in, src.details())
                .withRestore(new TableDetails.Restore(b.arn(), b.tableArn(), b.created()));
        return create(ctx, target, src.table(), restored);
    }

    private ObjectNode create(RequestContext ctx, String target, Table src, TableDetails d) {
        Region region = ctx.region();
        Instant now = ctx.now();
        Table t = new Table(target, region.tableArn(target), UUID.randomUUID().toString(), now, now.plus(restoreDelay),
                src.hashKey(), src.sizeBytes(), src.itemCount(), Map.of(), null, 35, Table.DEFAULT_PITR_LAG);
        Table existing = region.tables().putIfAbsent(target, t);
        if (existing != null) {
            throw "CREATING".equals(existing.status(now)) ? DdbErrors.tableInUse(target)
                    : DdbErrors.tableAlreadyExists(target);
        }
        details.put(t.arn(), d);
        ObjectNode out = JsonInput.object();
        out.set("TableDescription", TableDescriptions.describe(t, d, now));
        return out;
    }

    /** BillingModeOverride (with ProvisionedThroughputOverride for PROVISIONED), else the source's billing. */
    private static TableDetails billing(JsonInput in, TableDetails source) {
        String mode = in.enumValue("BillingModeOverride", List.of("PROVISIONED", "PAY_PER_REQUEST"));
        if (mode == null) {
            return source;
        }
        JsonInput pt = in.child("ProvisionedThroughputOverride");
        if (mode.equals("PROVISIONED") && (!pt.has("ReadCapacityUnits") || !pt.has("WriteCapacityUnits"))) {
            throw AwsError.validation("One or more parameter values were invalid: ProvisionedThroughputOverride must "
                    + "be specified when BillingModeOverride is PROVISIONED");
        }
        return mode.equals("PROVISIONED")
                ? source.withBilling(mode, pt.node("ReadCapacityUnits").asLong(), pt.node("WriteCapacityUnits").asLong())
                : source.withBilling(mode, 0, 0);
    }
}
