package io.backupsentinel.rule;

import io.backupsentinel.check.Check;
import io.backupsentinel.check.CheckRegistry;
import io.backupsentinel.check.CheckSpec;
import io.backupsentinel.check.Outcome;
import io.backupsentinel.check.ParamSpec;
import io.backupsentinel.check.Params;
import io.backupsentinel.model.Durations;
import io.backupsentinel.model.FactKind;
import io.backupsentinel.model.TableFacts;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import static io.backupsentinel.check.ParamSpec.optional;
import static io.backupsentinel.check.ParamSpec.required;
import static io.backupsentinel.check.ParamType.BOOLEAN;
import static io.backupsentinel.check.ParamType.DURATION;
import static io.backupsentinel.check.ParamType.ENUM_LIST;
import static io.backupsentinel.check.ParamType.INTEGER;
import static io.backupsentinel.check.ParamType.STRING_LIST;

/**
 * Test-only checks whose specs mirror the catalog in the common brief (names, parameters, types, defaults),
 * so the loader can be tested independently of the real checks. Their {@code bind} enforces the catalog's
 * cross-parameter rules; {@code evaluate} reports the parameters it was called with, so tests can see which
 * tier's values a rule used.
 */
final class CatalogLikeChecks {
    private CatalogLikeChecks() {
    }

    static final List<String> SOURCES = List.of("pitr", "on_demand", "aws_backup", "export");

    static CheckRegistry registry() {
        return new CheckRegistry(List.of(pitr(), rpo(), retention(), backupPlan(), copy(), vault(), export(),
                restoreTest(), backupJobs()));
    }

    static Check<Params> pitr() {
        return check("pitr", List.of(
                optional("min_recovery_period", DURATION, "35d", "shortest acceptable PITR recovery period (1d..35d)"),
                optional("max_lag", DURATION, "15m", "how far LatestRestorableDateTime may trail now")),
                List.of("dynamodb:DescribeContinuousBackups"), Set.of(FactKind.PITR),
                p -> {
                    Duration d = p.duration("min_recovery_period");
                    if (d.toDays() < 1 || d.toDays() > 35 || !d.equals(Duration.ofDays(d.toDays()))) {
                        throw new IllegalArgumentException("min_recovery_period must be whole days between 1d and 35d,"
                                + " not " + Durations.format(d));
                    }
                });
    }

    static Check<Params> rpo() {
        return check("rpo", List.of(
                required("max_age", DURATION, "oldest acceptable newest restorable point"),
                optional("sources", ENUM_LIST, SOURCES, "recovery sources that count").allowing(SOURCES),
                optional("vaults", STRING_LIST, null, "vault-name globs whose recovery points count")),
                List.of("dynamodb:DescribeContinuousBackups", "dynamodb:ListBackups", "dynamodb:ListExports",
                        "backup:ListRecoveryPointsByResource"),
                Set.of(FactKind.PITR, FactKind.ON_DEMAND_BACKUPS, FactKind.RECOVERY_POINTS, FactKind.EXPORTS),
                p -> nonEmpty(p, "sources"));
    }

    static Check<Params> retention() {
        List<String> sources = List.of("on_demand", "aws_backup");
        return check("retention", List.of(
                optional("min_retention", DURATION, null, "shortest acceptable retention"),
                optional("max_retention", DURATION, null, "longest acceptable retention"),
                optional("min_count", INTEGER, null, "fewest restorable points").between(0L, null),
                optional("sources", ENUM_LIST, sources, "recovery sources that count").allowing(sources)),
                List.of("dynamodb:ListBackups", "dynamodb:DescribeBackup", "backup:ListRecoveryPointsByResource"),
                Set.of(FactKind.ON_DEMAND_BACKUPS, FactKind.RECOVERY_POINTS),
                p -> {
                    if (!p.has("min_retention") && !p.has("max_retention") && !p.has("min_count")) {
                        throw new IllegalArgumentException("retention needs at least one of min_retention,"
                                + " max_retention, min_count");
                    }
                    minBelowMax(p, "min_retention", "max_retention");
                });
    }

    static Check<Params> backupPlan() {
        return check("backup_plan", List.of(
                optional("max_interval", DURATION, "24h", "longest acceptable time between scheduled backups"),
                optional("min_retention", DURATION, null, "shortest acceptable lifecycle"),
                optional("vaults", STRING_LIST, null, "allowed target vault globs")),
                List.of("backup:ListBackupPlans", "backup:GetBackupPlan", "backup:ListBackupSelections",
                        "backup:GetBackupSelection"),
                Set.of(FactKind.PLANS), p -> { });
    }

    static Check<Params> copy() {
        return check("copy", List.of(
                optional("cross_region", BOOLEAN, true, "a copy must go to another region"),
                optional("cross_account", BOOLEAN, false, "a copy must go to another account"),
                optional("destination_regions", STRING_LIST, null, "allowed destination regions"),
                optional("max_age", DURATION, "2d", "oldest acceptable completed copy job")),
                List.of("backup:ListBackupPlans", "backup:GetBackupPlan", "backup:ListCopyJobs"),
                Set.of(FactKind.PLANS, FactKind.COPY_JOBS),
                p -> {
                    if (!p.bool("cross_region") && !p.bool("cross_account")) {
                        throw new IllegalArgumentException("copy needs cross_region or cross_account (or both) true");
                    }
                });
    }

    static Check<Params> vault() {
        return check("vault", List.of(
                optional("require_lock", BOOLEAN, true, "vaults must have Vault Lock"),
                optional("min_retention", DURATION, null, "lowest acceptable MinRetentionDays"),
                optional("max_retention", DURATION, null, "highest acceptable MaxRetentionDays"),
                optional("require_customer_managed_key", BOOLEAN, false, "vaults must use a customer-managed key"),
                optional("kms_key_arns", STRING_LIST, null, "allowed KMS key ARNs")),
                List.of("backup:ListRecoveryPointsByResource", "backup:DescribeBackupVault"),
                Set.of(FactKind.RECOVERY_POINTS, FactKind.VAULTS, FactKind.PLANS),
                p -> minBelowMax(p, "min_retention", "max_retention"));
    }

    static Check<Params> export() {
        return check("export", List.of(
                required("max_age", DURATION, "oldest acceptable completed export"),
                optional("require_kms", BOOLEAN, false, "exports must use SSE-KMS")),
                List.of("dynamodb:ListExports", "dynamodb:DescribeExport"), Set.of(FactKind.EXPORTS), p -> { });
    }

    static Check<Params> restoreTest() {
        return check("restore_test", List.of(
                required("max_age", DURATION, "oldest acceptable successful restore test"),
                optional("rto", DURATION, null, "longest acceptable restore time"),
                optional("restore_testing_only", BOOLEAN, false, "count only restore-testing jobs")),
                List.of("backup:ListRestoreJobsByProtectedResource"), Set.of(FactKind.RESTORE_JOBS), p -> { });
    }

    static Check<Params> backupJobs() {
        List<String> states = List.of("FAILED", "ABORTED", "EXPIRED", "PARTIAL");
        return check("backup_jobs", List.of(
                optional("window", DURATION, "7d", "how far back to look"),
                optional("states", ENUM_LIST, List.of("FAILED", "ABORTED", "EXPIRED"), "job states that count")
                        .allowing(states)),
                List.of("backup:ListBackupJobs"), Set.of(FactKind.BACKUP_JOBS), p -> nonEmpty(p, "states"));
    }

    private static void nonEmpty(Params p, String name) {
        if (p.list(name).isEmpty()) {
            throw new IllegalArgumentException(name + " must name at least one value");
        }
    }

    private static void minBelowMax(Params p, String min, String max) {
        if (p.has(min) && p.has(max) && p.duration(min).compareTo(p.duration(max)) > 0) {
            throw new IllegalArgumentException(min + " (" + Durations.format(p.duration(min)) + ") is above "
                    + max + " (" + Durations.format(p.duration(max)) + ")");
        }
    }

    private static Check<Params> check(String name, List<ParamSpec> params, List<String> iam, Set<FactKind> facts,
                                       Consumer<Params> validate) {
        String example = "- name: example-" + name.replace('_', '-') + "\n  check: " + name + "\n  severity: high\n";
        CheckSpec spec = new CheckSpec(name, "Catalog-like " + name + " check for tests.", params, iam, facts, example);
        return new Check<>() {
            @Override
            public CheckSpec spec() {
                return spec;
            }

            @Override
            public Params bind(Params p) {
                validate.accept(p);
                return p;
            }

            @Override
            public Outcome evaluate(TableFacts facts, Params p, Instant now) {
                return Outcome.compliant(facts.table().name(), describe(p), name + " evaluated");
            }

            /** The longest duration among the params, for every kind read: enough for loader tests. */
            @Override
            public Map<FactKind, Duration> lookbacks(Params p) {
                Duration longest = p.asMap().values().stream().filter(Duration.class::isInstance)
                        .map(Duration.class::cast).max(Duration::compareTo).orElse(Duration.ZERO);
                Map<FactKind, Duration> out = new EnumMap<>(FactKind.class);
                facts.forEach(k -> out.put(k, longest));
                return out;
            }
        };
    }

    /** The parameters as the fixture checks report them in {@code expected}: sorted name=value, durations formatted. */
    static String describe(Params p) {
        TreeMap<String, String> out = new TreeMap<>();
        p.asMap().forEach((k, v) -> out.put(k, v instanceof Duration d ? Durations.format(d) : String.valueOf(v)));
        return out.toString();
    }

}
