package io.backupsentinel.sandbox.dynamodb;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupsentinel.sandbox.http.RequestContext;
import io.backupsentinel.sandbox.state.DdbBackup;
import io.backupsentinel.sandbox.state.Region;
import io.backupsentinel.sandbox.state.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** CreateBackup, DescribeBackup, DeleteBackup and ListBackups of DynamoDB's on-demand backups. */
final class BackupOperations {
    /** ListBackups pages hold at most 1 MB of items when no Limit is given. */
    private static final int PAGE_BYTES = 1024 * 1024;
    private final TableDetailsStore details;
    private final Duration backupDelay;
    /** The source table as it was when this handler took the backup; scenario backups fall back to the live table. */
    private final Map<String, Source> sources = new ConcurrentHashMap<>();

    record Source(Table table, TableDetails details) {
    }

    BackupOperations(TableDetailsStore details, Duration backupDelay) {
        this.details = details;
        this.backupDelay = backupDelay;
    }

    ObjectNode create(JsonInput in, RequestContext ctx) {
        String tableName = in.requiredString("TableName");
        String backupName = TableOperations.validName(in, "BackupName");
        Table t = Tables.find(ctx, tableName).orElseThrow(() -> DdbErrors.tableNotFound(Tables.displayName(tableName)));
        Instant now = ctx.now();
        if ("CREATING".equals(t.status(now))) {
            throw DdbErrors.continuousBackupsUnavailable(t.name());
        }
        String arn = t.arn() + "/backup/" + String.format("%014d", now.toEpochMilli()) + "-"
                + String.format("%08x", ThreadLocalRandom.current().nextInt());
        DdbBackup b = new DdbBackup(arn, backupName, t.name(), t.arn(), t.tableId(), now, now.plus(backupDelay),
                "CREATING", "USER", t.sizeBytes(), null);
        sources.put(arn, new Source(t, details.of(t)));
        ctx.region().backups().put(arn, b);
        ObjectNode out = JsonInput.object();
        out.set("BackupDetails", backupDetails(b, now));
        return out;
    }

    ObjectNode describe(JsonInput in, RequestContext ctx) {
        String arn = in.requiredString("BackupArn");
        DdbBackup b = find(ctx, arn);
        ObjectNode out = JsonInput.object();
        out.set("BackupDescription", description(b, ctx, b.status(ctx.now())));
        return out;
    }

    ObjectNode delete(JsonInput in, RequestContext ctx) {
        String arn = in.requiredString("BackupArn");
        DdbBackup b = find(ctx, arn);
        if ("CREATING".equals(b.status(ctx.now()))) {
            throw DdbErrors.backupInUse(arn);
        }
        ObjectNode description = description(b, ctx, "DELETED");
        if (!ctx.region().backups().remove(arn, b)) {
            throw DdbErrors.backupNotFound(arn);
        }
        sources.remove(arn);
        ObjectNode out = JsonInput.object();
        out.set("BackupDescription", description);
        return out;
    }

    /**
     * ListBackups in ARN order (a table's backups by creation time). BackupType defaults to USER; ALL means
     * USER and SYSTEM, as the API reference defines it: backups made by AWS Backup are listed only when
     * AWS_BACKUP is asked for.
     */
    ObjectNode list(JsonInput in, RequestContext ctx) {
        Integer limit = in.integer("Limit", 1, 100);
        String table = in.string("TableName");
        String tableName = table == null ? null : Tables.displayName(table);
        String type = in.enumValue("BackupType", List.of("USER", "SYSTEM", "AWS_BACKUP", "ALL"));
        List<String> types = type == null ? List.of("USER") : type.equals("ALL") ? List.of("USER", "SYSTEM")
                : List.of(type);
        Instant lower = in.timestamp("TimeRangeLowerBound");
        Instant upper = in.timestamp("TimeRangeUpperBound");
        String start = in.string("ExclusiveStartBackupArn");
        NavigableMap<String, DdbBackup> all = ctx.region().backups();
        NavigableMap<String, DdbBackup> rest = start == null ? all : all.tailMap(start, false);
        ObjectNode out = JsonInput.object();
        ArrayNode summaries = out.putArray("BackupSummaries");
        int bytes = 0;
        String last = null;
        for (DdbBackup b : rest.values()) {
            // A backup dated after the sandbox's now has not been made yet: a scenario can make one arrive later.
            if (b.created().isAfter(ctx.now()) || !types.contains(b.type())
                    || (tableName != null && !tableName.equals(b.tableName()))
                    || (lower != null && b.created().isBefore(lower)) || (upper != null && !b.created().isBefore(upper))) {
                continue;
            }
            ObjectNode s = summary(b, ctx.now());
            int size = s.toString().length();
            if ((limit != null && summaries.size() == limit) || (limit == null && bytes + size > PAGE_BYTES)) {
                out.put("LastEvaluatedBackupArn", last);
                break;
            }
            summaries.add(s);
            bytes += size;
            last = b.arn();
        }
        return out;
    }

    private static DdbBackup find(RequestContext ctx, String arn) {
        DdbBackup b = ctx.region().backups().get(arn);
        if (b == null || b.created().isAfter(ctx.now())) {
            throw DdbErrors.backupNotFound(arn);
        }
        return b;
    }

    static ObjectNode summary(DdbBackup b, Instant now) {
        ObjectNode s = JsonInput.object();
        s.put("TableName", b.tableName());
        s.put("TableId", b.tableId());
        s.put("TableArn", b.tableArn());
        s.put("BackupArn", b.arn());
        s.put("BackupName", b.name());
        JsonOutput.time(s, "BackupCreationDateTime", b.created());
        JsonOutput.time(s, "BackupExpiryDateTime", b.expiry());
        s.put("BackupStatus", b.status(now));
        s.put("BackupType", b.type());
        s.put("BackupSizeBytes", b.sizeBytes());
        return s;
    }

    static ObjectNode backupDetails(DdbBackup b, Instant now) {
        return backupDetails(b, b.status(now));
    }

    private static ObjectNode backupDetails(DdbBackup b, String status) {
        ObjectNode d = JsonInput.object();
        d.put("BackupArn", b.arn());
        d.put("BackupName", b.name());
        d.put("BackupSizeBytes", b.sizeBytes());
        d.put("BackupStatus", status);
        d.put("BackupType", b.type());
        JsonOutput.time(d, "BackupCreationDateTime", b.created());
        JsonOutput.time(d, "BackupExpiryDateTime", b.expiry());
        return d;
    }

    /** The source table and its details as they were when the backup was taken, as far as known. */
    Source source(DdbBackup b, Region region) {
        Source s = sources.get(b.arn());
        if (s != null) {
            return s;
        }
        Table live = region.tables().get(b.tableName());
        if (live != null && live.tableId().equals(b.tableId())) {
            return new Source(live, details.of(live));
        }
        Table gone = new Table(b.tableName(), b.tableArn(), b.tableId(), b.created(), null, "id", b.sizeBytes(), 0,
                Map.of(), null, 35, Table.DEFAULT_PITR_LAG);
        return new Source(gone, TableDetails.defaults("id"));
    }

    private ObjectNode description(DdbBackup b, RequestContext ctx, String status) {
        Source src = source(b, ctx.region());
        ObjectNode desc = JsonInput.object();
        desc.set("BackupDetails", backupDetails(b, status));
        ObjectNode st = desc.putObject("SourceTableDetails");
        st.put("TableName", b.tableName());
        st.put("TableId", b.tableId());
        st.put("TableArn", b.tableArn());
        st.put("TableSizeBytes", b.sizeBytes());
        ArrayNode keys = st.putArray("KeySchema");
        src.details().keySchema().forEach(k -> keys.addObject().put("AttributeName", k.name()).put("KeyType", k.keyType()));
        JsonOutput.time(st, "TableCreationDateTime", src.table().created());
        ObjectNode pt = st.putObject("ProvisionedThroughput");
        pt.put("ReadCapacityUnits", src.details().readCapacity());
        pt.put("WriteCapacityUnits", src.details().writeCapacity());
        st.put("ItemCount", src.table().itemCount());
        st.put("BillingMode", src.details().billingMode());
        return desc;
    }
}
