package io.backupsentinel.testing;

import io.backupsentinel.sandbox.state.DdbBackup;
import io.backupsentinel.sandbox.state.Export;
import io.backupsentinel.sandbox.state.Region;
import io.backupsentinel.sandbox.state.Table;
import io.backupsentinel.sandbox.state.VirtualClock;
import io.backupsentinel.sandbox.state.World;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Builds sandbox worlds in code for tests: a frozen virtual clock, the caller's default account
 * {@value #OWN_ACCOUNT}, and tables, backups and exports placed with times relative to "now".
 */
public final class WorldBuilder {
    public static final String OWN_ACCOUNT = "111111111111";
    public static final String OTHER_ACCOUNT = "222222222222";
    public static final String REGION = "us-east-1";
    public static final Instant NOW = Instant.parse("2025-06-01T12:00:00.123Z");

    private final World world;

    private WorldBuilder() {
        world = frozenWorld(NOW, OWN_ACCOUNT);
        world.account(OWN_ACCOUNT).region(REGION);
    }

    /** An empty world whose clock stands still at {@code now}, with {@code account} as the callers' own. */
    public static World frozenWorld(Instant now, String account) {
        VirtualClock clock = VirtualClock.system();
        clock.freeze();
        clock.set(now);
        World world = new World(clock);
        world.setDefaultAccount(account);
        return world;
    }

    public static WorldBuilder create() {
        return new WorldBuilder();
    }

    public World world() {
        return world;
    }

    public Instant now() {
        return world.clock().instant();
    }

    public Region region(String account, String region) {
        return world.account(account).region(region);
    }

    public WorldBuilder account(String id) {
        world.account(id).region(REGION);
        return this;
    }

    /** Declares a role (arn:aws:iam::ACCOUNT:role/NAME) that STS AssumeRole may assume. */
    public WorldBuilder role(String roleArn) {
        world.account(roleArn.split(":")[4]).roles().add(roleArn);
        return this;
    }

    /** An ACTIVE table created 100 days ago with PITR off. */
    public Table table(String account, String name, Map<String, String> tags) {
        Region r = region(account, REGION);
        Table t = new Table(name, r.tableArn(name), UUID.nameUUIDFromBytes(name.getBytes()).toString(),
                now().minus(Duration.ofDays(100)), null, "pk", 2048, 10, tags, null, 35, Table.DEFAULT_PITR_LAG);
        r.tables().put(name, t);
        return t;
    }

    public Table table(String name, Map<String, String> tags) {
        return table(OWN_ACCOUNT, name, tags);
    }

    /** Turns PITR on since {@code enabledFor} ago with the given recovery period. */
    public Table pitr(String name, Duration enabledFor, int periodDays) {
        Region r = region(OWN_ACCOUNT, REGION);
        return r.tables().compute(name, (k, t) -> t.withPitr(now().minus(enabledFor), periodDays));
    }

    /** An AVAILABLE on-demand backup of the table taken {@code age} ago. */
    public DdbBackup backup(String table, String name, String type, Duration age) {
        Region r = region(OWN_ACCOUNT, REGION);
        Table t = r.tables().get(table);
        Instant created = now().minus(age);
        String arn = t.arn() + "/backup/" + String.format("%014d", created.toEpochMilli()) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        DdbBackup b = new DdbBackup(arn, name, t.name(), t.arn(), t.tableId(), created, created, "AVAILABLE", type,
                t.sizeBytes(), "AWS_BACKUP".equals(type) ? created.plus(Duration.ofDays(35)) : null);
        r.backups().put(arn, b);
        return b;
    }

    /** An export of the table started {@code age} ago; FAILED exports carry the code and message. */
    public Export export(String table, String status, Duration age, String failureCode, String failureMessage) {
        Region r = region(OWN_ACCOUNT, REGION);
        Table t = r.tables().get(table);
        Instant start = now().minus(age);
        String arn = t.arn() + "/export/" + String.format("%014d", start.toEpochMilli()) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        boolean done = !"IN_PROGRESS".equals(status);
        Export e = new Export(arn, t.arn(), t.tableId(), status, start, done ? start.plusSeconds(600) : null,
                start, failureCode, failureMessage, "exports-bucket", "ddb/" + table, "KMS",
                "arn:aws:kms:us-east-1:111111111111:key/abcd", "FULL_EXPORT", "DYNAMODB_JSON", 10, 4096);
        r.exports().put(arn, e);
        return e;
    }
}
