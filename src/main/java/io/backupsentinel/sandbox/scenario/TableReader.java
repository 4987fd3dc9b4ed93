package io.backupsentinel.sandbox.scenario;

import io.backupsentinel.yaml.YMap;
import io.backupsentinel.yaml.YNode;
import io.backupsentinel.sandbox.state.DdbBackup;
import io.backupsentinel.sandbox.state.Region;
import io.backupsentinel.sandbox.state.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Reads one entry of a region's {@code tables:}: the table, its PITR, and what belongs to it: on-demand
 * backups, exports, recovery points and backup, copy and restore jobs.
 */
final class TableReader {
    static final List<String> BACKUP_TYPES = List.of("USER", "SYSTEM", "AWS_BACKUP");
    static final List<String> BACKUP_STATUSES = List.of("AVAILABLE", "CREATING", "DELETED");

    private TableReader() {
    }

    static void read(LoadContext ctx, Region region, YNode node) {
        YMap m = node.map();
        String name = m.requiredStr("name");
        if (name != null && !name.matches("[A-Za-z0-9_.-]{3,255}")) {
            m.get("name").error("must be 3..255 characters of A-Z a-z 0-9 _ . - (DynamoDB's rule), got '" + name + "'");
            name = null;
        }
        if (name != null && region.tables().containsKey(name)) {
            m.get("name").error("a table named '" + name + "' is already defined in this region");
            name = null;
        }
        Map<String, String> tags = m.stringMap("tags");
        Instant created = ScenarioValues.time(m, "created", ctx.now.minus(Duration.ofDays(400)), ctx.now);
        long items = m.integer("items", 1000L, 0, Long.MAX_VALUE);
        long size = m.integer("size_bytes", items * 1024, 0, Long.MAX_VALUE);
        String hashKey = m.str("hash_key", "id");
        Pitr pitr = Pitr.read(m.get("pitr"), ctx, created);
        String arn = name == null ? "arn:aws:dynamodb:" + region.name() + ":" + region.account() + ":table/invalid"
                : region.tableArn(name);
        Table table = new Table(name == null ? "invalid" : name, arn, ctx.ids.uuid(), created, null, hashKey, size,
                items, tags, pitr.enabledSince(), pitr.periodDays(), pitr.lag());
        if (name != null) {
            region.tables().put(name, table);
        }
        for (YNode b : m.list("backups")) {
            backup(ctx, region, table, b);
        }
        for (YNode e : m.list("exports")) {
            ExportReader.read(ctx, region, table, e);
        }
        for (YNode rp : m.list("recovery_points")) {
            PointReader.read(ctx, region, table.arn(), table.name(), rp);
        }
        for (YNode j : m.list("backup_jobs")) {
            JobReader.backupJob(ctx, region, table, j);
        }
        for (YNode j : m.list("copy_jobs")) {
            JobReader.copyJob(ctx, region, table, j);
        }
        for (YNode j : m.list("restore_jobs")) {
            JobReader.restoreJob(ctx, region, table, j);
        }
        m.finish();
    }

    private static void backup(LoadContext ctx, Region region, Table table, YNode node) {
        YMap m = node.map();
        List<Instant> times = Series.times(m, ctx);
        String name = m.str("name");
        String type = m.oneOf("type", "USER", BACKUP_TYPES);
        String status = m.oneOf("status", "AVAILABLE", BACKUP_STATUSES);
        Duration took = m.duration("took", Duration.ofMinutes(1));
        Instant expiry = ScenarioValues.time(m, "expiry", null, ctx.now);
        long size = m.integer("size_bytes", table.sizeBytes(), 0, Long.MAX_VALUE);
        m.finish();
        int i = 0;
        for (Instant created : times) {
            String suffix = ctx.ids.timedSuffix(created);
            String arn = table.arn() + "/backup/" + suffix;
            String backupName = name == null ? table.name() + "-" + suffix.substring(0, 13)
                    : times.size() == 1 ? name : name + "-" + (++i);
            Instant available = "CREATING".equals(status) ? created.plus(took) : created;
            region.backups().put(arn, new DdbBackup(arn, backupName, table.name(), table.arn(), table.tableId(),
                    created, available, status, type, size, expiry));
        }
    }

    /** A table's point-in-time recovery; {@code enabledSince} null when it is off. */
    record Pitr(Instant enabledSince, int periodDays, Duration lag) {
        static Pitr read(YNode node, LoadContext ctx, Instant tableCreated) {
            Pitr off = new Pitr(null, 35, Table.DEFAULT_PITR_LAG);
            if (node == null) {
                return off;
            }
            if (node.isScalar()) {
                Boolean on = YMap.bool(node, false);
                return Boolean.TRUE.equals(on) ? new Pitr(tableCreated, 35, Table.DEFAULT_PITR_LAG) : off;
            }
            YMap m = node.map();
            boolean enabled = m.bool("enabled", true);
            long period = m.integer("recovery_period_days", 35L, 1, 35);
            Duration lag = m.duration("lag", Table.DEFAULT_PITR_LAG);
            Instant since = ScenarioValues.time(m, "enabled_since", tableCreated, ctx.now);
            m.finish();
            return enabled ? new Pitr(since, (int) period, lag) : new Pitr(null, (int) period, lag);
        }
    }
}
