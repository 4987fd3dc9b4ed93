package io.backupsentinel.sandbox.scenario;

import io.backupsentinel.yaml.YMap;
import io.backupsentinel.yaml.YNode;
import io.backupsentinel.sandbox.state.BackupJob;
import io.backupsentinel.sandbox.state.DdbBackup;
import io.backupsentinel.sandbox.state.Export;
import io.backupsentinel.sandbox.state.Plan;
import io.backupsentinel.sandbox.state.RecoveryPoint;
import io.backupsentinel.sandbox.state.Region;
import io.backupsentinel.sandbox.state.RestoreJob;
import io.backupsentinel.sandbox.state.Table;
import io.backupsentinel.sandbox.state.Vault;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Reads a region's {@code generate:} and creates a fleet of tables for benchmarks: {@code count} tables named
 * PREFIX + a zero-padded number, with exactly round(share × count) tables in each state of the {@code mix}
 * (picked by a seeded shuffle, so the same file always gives the same fleet), and their recovery points,
 * backup jobs, on-demand backups, exports and restore jobs. Records share their strings and tag maps, so
 * 100,000 tables fit in modest memory.
 */
final class FleetGenerator {
    static final List<String> MIX_KEYS = List.of("pitr_on", "pitr_short_period", "pitr_stuck", "in_plan",
            "on_demand", "export", "failed_job", "restore_tested");

    private FleetGenerator() {
    }

    static void read(LoadContext ctx, Region region, YNode node) {
        YMap m = node.map();
        Long count = m.integer("count", null, 1, 1_000_000);
        if (!m.has("count")) {
            m.missing("count");
        }
        String prefix = m.str("prefix", "table-");
        long seed = m.integer("seed", ctx.seed, Long.MIN_VALUE, Long.MAX_VALUE);
        Map<String, String> tags = m.stringMap("tags");
        Map<String, Double> tiers = shares(m, "tiers", List.of());
        Map<String, Double> mix = shares(m, "mix", MIX_KEYS);
        long perTable = m.integer("recovery_points_per_table", 2L, 0, 1000);
        Duration interval = m.duration("interval", Duration.ofDays(1));
        String vaultName = m.str("vault", "fleet-vault");
        String planName = m.str("plan", "fleet-plan");
        m.finish();
        if (count == null || interval.isZero()) {
            if (interval.isZero()) {
                m.get("interval").error("must be longer than 0s");
            }
            return;
        }
        Fleet fleet = new Fleet(ctx, region, seed ^ (prefix.hashCode() * 0x9E3779B97F4A7C15L)
                ^ region.name().hashCode(), count.intValue());
        fleet.build(prefix, tags, tiers, mix, (int) perTable, interval, vaultName, planName);
    }

    /** Shares (0..1) under a key; for the mix only the known keys. Tier shares must not add up to more than 1. */
    private static Map<String, Double> shares(YMap m, String key, List<String> allowed) {
        Map<String, Double> out = new LinkedHashMap<>();
        YNode n = m.get(key);
        if (n == null) {
            return out;
        }
        YMap sm = n.map();
        Iterable<String> keys = allowed.isEmpty() ? List.copyOf(sm.entries().keySet()) : allowed;
        double sum = 0;
        for (String k : keys) {
            Double v = sm.decimal(k, null, 0, 1);
            if (v != null) {
                out.put(k, v);
                sum += v;
            }
        }
        if (allowed.isEmpty() && sum > 1.000001) {
            n.error("shares add up to " + sum + ", more than 1");
        }
        sm.finish();
        return out;
    }

    /** One fleet being built: its random sequence, ids and shared records. */
    private static final class Fleet {
        private final LoadContext ctx;
        private final Region region;
        private final SplittableRandom random;
        private final Ids ids;
        private final int count;
        private final Instant now;

        Fleet(LoadContext ctx, Region region, long seed, int count) {
            this.ctx = ctx;
            this.region = region;
            this.random = new SplittableRandom(seed);
            this.ids = new Ids(seed + 1);
            this.count = count;
            this.now = ctx.now;
        }

        void build(String prefix, Map<String, String> baseTags, Map<String, Double> tiers, Map<String, Double> mix,
                   int perTable, Duration interval, String vaultName, String planName) {
            Vault vault = region.vaults().computeIfAbsent(vaultName, v -> new Vault(v, region.vaultArn(v),
                    now.minus(Duration.ofDays(400)), "arn:aws:kms:" + region.name() + ":" + region.account() + ":key/"
                    + ids.uuid(), "CUSTOMER_MANAGED_KMS_KEY", "BACKUP_VAULT", true, 7L, 365L,
                    now.minus(Duration.ofDays(400))));
            Plan plan = plan(planName, vault);
            Plan.Rule rule = plan.rules().get(0);
            String role = "arn:aws:iam::" + region.account() + ":role/service-role/AWSBackupDefaultServiceRole";
            boolean[] pitrOn = pick(mix.getOrDefault("pitr_on", 1.0));
            boolean[] short_ = pick(mix.getOrDefault("pitr_short_period", 0.0));
            boolean[] stuck = pick(mix.getOrDefault("pitr_stuck", 0.0));
            boolean[] inPlan = pick(mix.getOrDefault("in_plan", 1.0));
            boolean[] onDemand = pick(mix.getOrDefault("on_demand", 0.0));
            boolean[] export = pick(mix.getOrDefault("export", 0.0));
            boolean[] failed = pick(mix.getOrDefault("failed_job", 0.0));
            boolean[] restored = pick(mix.getOrDefault("restore_tested", 0.0));
            int[] tier = tiers(tiers);
            List<String> tierNames = List.copyOf(tiers.keySet());
            Map<String, Map<String, String>> tagMaps = new HashMap<>();
            int width = Integer.toString(count).length();
            // The region's job list copies itself on every add: collect, then add once.
            List<BackupJob> jobs = new java.util.ArrayList<>();
            String kmsKey = vault.encryptionKeyArn();
            for (int i = 0; i < count; i++) {
                String name = prefix + pad(i + 1, width);
                String arn = region.tableArn(name);
                String tierName = tier[i] < 0 ? null : tierNames.get(tier[i]);
                boolean planned = inPlan[i];
                Map<String, String> tags = tagMaps.computeIfAbsent(tierName + "|" + planned, k -> {
                    Map<String, String> t = new LinkedHashMap<>(baseTags);
                    if (tierName != null) {
                        t.put("backup-tier", tierName);
                    }
                    if (planned) {
                        t.put("backup-plan", planName);
                    }
                    return Map.copyOf(t);
                });
                Instant created = now.minus(Duration.ofDays(40 + random.nextInt(400)));
                long items = 1000 + random.nextInt(1_000_000);
                Table table = new Table(name, arn, ids.uuid(), created, null, "id", items * 512, items, tags,
                        pitrOn[i] ? created : null, short_[i] ? 7 : 35,
                        stuck[i] ? Duration.ofHours(3) : Table.DEFAULT_PITR_LAG);
                region.tables().put(name, table);
                String newestPoint = null;
                if (inPlan[i]) {
                    Instant newest = now.minusSeconds(random.nextLong(Math.max(1, interval.toSeconds())));
                    for (int k = 0; k < perTable; k++) {
                        Instant at = newest.minus(interval.multipliedBy(k));
                        String rpArn = "arn:aws:backup:" + region.name() + ":" + region.account() + ":recovery-point:"
                                + ids.uuid();
                        newestPoint = k == 0 ? rpArn : newestPoint;
                        Instant done = at.plus(Duration.ofMinutes(10));
                        region.recoveryPoints().put(rpArn, new RecoveryPoint(rpArn, arn, name, vault.name(),
                                vault.arn(), at, done, "COMPLETED", null, 35L, null, true, kmsKey, null,
                                table.sizeBytes(), plan.id(), plan.arn(), rule.id(), role));
                        jobs.add(new BackupJob(jobId(), arn, name, vault.name(), vault.arn(), rpArn,
                                "COMPLETED", null, at, done, table.sizeBytes(), plan.id(), plan.arn(), rule.id(), role));
                    }
                }
                if (failed[i]) {
                    // The newest job of the table failed (in a plan or started on demand).
                    Instant at = now.minusSeconds(random.nextLong(Math.max(1, interval.toSeconds())) / 2);
                    jobs.add(new BackupJob(jobId(), arn, name, vault.name(), vault.arn(), null, "FAILED",
                            "Insufficient privileges to perform backup", at, at.plusSeconds(30), 0,
                            planned ? plan.id() : null, planned ? plan.arn() : null, planned ? rule.id() : null, role));
                }
                if (onDemand[i]) {
                    Instant at = now.minusSeconds(random.nextLong(48 * 3600));
                    String bArn = arn + "/backup/" + ids.timedSuffix(at);
                    region.backups().put(bArn, new DdbBackup(bArn, name + "-ondemand", name, arn, table.tableId(), at,
                            at, "AVAILABLE", "USER", table.sizeBytes(), null));
                }
                if (export[i]) {
                    Instant at = now.minusSeconds(random.nextLong(7 * 86_400));
                    String eArn = arn + "/export/" + ids.timedSuffix(at);
                    region.exports().put(eArn, new Export(eArn, arn, table.tableId(), "COMPLETED", at,
                            at.plus(Duration.ofMinutes(15)), at, null, null, "sandbox-exports-" + region.account(),
                            name, "AES256", null, "FULL_EXPORT", "DYNAMODB_JSON", items, table.sizeBytes()));
                }
                if (restored[i]) {
                    Instant at = now.minusSeconds(random.nextLong(7 * 86_400));
                    String id = jobId();
                    region.restoreJobs().put(id, new RestoreJob(id, newestPoint == null ? "arn:aws:backup:"
                            + region.name() + ":" + region.account() + ":recovery-point:" + ids.uuid() : newestPoint,
                            arn, region.tableArn(name + "-restore-" + ids.hex(8)), "COMPLETED", null, at,
                            at.plus(Duration.ofMinutes(20)), "SUCCESSFUL", null, "SUCCESSFUL", null, null, null, role,
                            table.sizeBytes()));
                }
            }
            region.backupJobs().addAll(jobs);
        }

        private Plan plan(String planName, Vault vault) {
            // An existing plan of that name (written in the file) is used as it is.
            Plan existing = ScenarioRefs.plan(region, planName);
            if (existing != null && !existing.rules().isEmpty()) {
                return existing;
            }
            String id = ids.uuid();
            Instant created = now.minus(Duration.ofDays(400));
            Plan.Rule rule = new Plan.Rule(ids.uuid(), "daily", vault.name(), "cron(0 5 ? * * *)", "Etc/UTC", 480L,
                    10_080L, 35L, null, false, List.of());
            Plan.Selection selection = new Plan.Selection(ids.uuid(), planName + "-by-tag",
                    "arn:aws:iam::" + region.account() + ":role/service-role/AWSBackupDefaultServiceRole", created,
                    List.of(), List.of(), List.of(new Plan.TagCondition("STRINGEQUALS", "backup-plan", planName)),
                    List.of());
            Plan plan = new Plan(id, "arn:aws:backup:" + region.name() + ":" + region.account() + ":backup-plan:" + id,
                    planName, ids.versionId(), created, List.of(rule), List.of(selection));
            region.plans().put(id, plan);
            return plan;
        }

        /** Exactly round(share × count) tables, chosen by a seeded partial shuffle. */
        private boolean[] pick(double share) {
            boolean[] out = new boolean[count];
            int k = (int) Math.round(share * count);
            int[] order = shuffled(k);
            for (int j = 0; j < k; j++) {
                out[order[j]] = true;
            }
            return out;
        }

        /** Tier index per table (-1: no tier tag), each tier holding round(share × count) tables. */
        private int[] tiers(Map<String, Double> tiers) {
            int[] out = new int[count];
            java.util.Arrays.fill(out, -1);
            int[] order = shuffled(count);
            int from = 0;
            int t = 0;
            for (double share : tiers.values()) {
                int k = Math.min(count - from, (int) Math.round(share * count));
                for (int j = from; j < from + k; j++) {
                    out[order[j]] = t;
                }
                from += k;
                t++;
            }
            return out;
        }

        /** A permutation of 0..count-1 whose first {@code k} places are uniformly shuffled. */
        private int[] shuffled(int k) {
            int[] order = new int[count];
            for (int j = 0; j < count; j++) {
                order[j] = j;
            }
            for (int j = 0; j < k; j++) {
                int swap = j + random.nextInt(count - j);
                int tmp = order[j];
                order[j] = order[swap];
                order[swap] = tmp;
            }
            return order;
        }

        private String jobId() {
            return ids.uuid().toUpperCase(Locale.ROOT);
        }

        private static String pad(int n, int width) {
            String s = Integer.toString(n);
            return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
        }
    }
}
