package io.backupsentinel.check;

import io.backupsentinel.model.Arns;
import io.backupsentinel.model.Durations;
import io.backupsentinel.model.FactKind;
import io.backupsentinel.model.PlanRule;
import io.backupsentinel.model.RecoveryPoint;
import io.backupsentinel.model.TableFacts;
import io.backupsentinel.model.TableRef;
import io.backupsentinel.model.Vault;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code vault}: the vaults that hold the table's backups are locked (WORM) within retention bounds and
 * encrypted with an acceptable key, so that neither an attacker nor a mistake can delete the backups early.
 */
public final class VaultCheck implements Check<VaultCheck.P> {
    static final String CUSTOMER_MANAGED = "CUSTOMER_MANAGED_KMS_KEY";

    /** @param expected the findings' {@code expected}, made once per binding */
    public record P(boolean requireLock, Optional<Duration> minRetention, Optional<Duration> maxRetention,
                    boolean requireCustomerManagedKey, List<String> kmsKeyArns, String expected) {
        public P(boolean requireLock, Optional<Duration> minRetention, Optional<Duration> maxRetention,
                 boolean requireCustomerManagedKey, List<String> kmsKeyArns) {
            this(requireLock, minRetention, maxRetention, requireCustomerManagedKey, kmsKeyArns,
                    VaultCheck.expected(requireLock, minRetention, maxRetention, requireCustomerManagedKey, kmsKeyArns));
        }
    }

    /** A vault to judge: its name, and its ARN when a recovery point told us. */
    private record Held(String name, String arn) {
    }

    private static final CheckSpec SPEC = new CheckSpec("vault",
            "Judges the AWS Backup vaults that hold the table's restorable recovery points (or, when it has none "
                    + "yet, the target vaults of the plans that select it). Each must be locked with Vault Lock "
                    + "(require_lock), with MinRetentionDays at least min_retention and MaxRetentionDays at most "
                    + "max_retention, and encrypted with a customer-managed KMS key (require_customer_managed_key) "
                    + "or one of kms_key_arns. Vaults in another account or region (copies) are judged when their "
                    + "description was collected, and named as not judged otherwise. COMPLIANT when every vault "
                    + "meets the limits; NON_COMPLIANT naming each vault and what it lacks, with the command to fix "
                    + "it, or when no vault holds or will hold the table's backups; UNKNOWN when recovery points, "
                    + "vaults or plans could not be read, or AWS did not report a vault's key type.",
            List.of(ParamSpec.optional("require_lock", ParamType.BOOLEAN, true,
                            "The vault must have AWS Backup Vault Lock."),
                    ParamSpec.optional("min_retention", ParamType.DURATION, null,
                            "Lowest acceptable MinRetentionDays of the lock, e.g. 7d."),
                    ParamSpec.optional("max_retention", ParamType.DURATION, null,
                            "Highest acceptable MaxRetentionDays of the lock, e.g. 365d."),
                    ParamSpec.optional("require_customer_managed_key", ParamType.BOOLEAN, false,
                            "The vault must be encrypted with a customer-managed KMS key, not an AWS-owned one."),
                    ParamSpec.optional("kms_key_arns", ParamType.STRING_LIST, null,
                            "KMS key ARNs (globs allowed) the vault may be encrypted with; default any.")),
            IamActions.of(IamActions.RECOVERY_POINTS, IamActions.VAULTS, IamActions.PLANS, IamActions.TAGS),
            Set.of(FactKind.RECOVERY_POINTS, FactKind.VAULTS, FactKind.PLANS),
            """
            - name: locked-vaults
              description: Production backups sit in locked vaults encrypted with our own KMS key.
              check: vault
              severity: high
              frameworks: ["SOC2:A1.2"]
              scope:
                tags: {env: prod}
              params:
                require_lock: true
                min_retention: 7d
                max_retention: 365d
                require_customer_managed_key: true
            """);

    @Override
    public CheckSpec spec() {
        return SPEC;
    }

    @Override
    public P bind(Params params) {
        Optional<Duration> min = ParamValues.optionalDuration(params, "min_retention");
        Optional<Duration> max = ParamValues.optionalDuration(params, "max_retention");
        ParamValues.requireOrdered(min, "min_retention", max, "max_retention");
        return new P(ParamValues.bool(params, "require_lock", true), min, max,
                ParamValues.bool(params, "require_customer_managed_key", false),
                ParamValues.list(params, "kms_key_arns", List.of()));
    }

    /**
     * Every recovery point AWS still keeps: each vault that holds a restorable point of the table is judged,
     * however old the point, since an unlocked vault lets any of them be deleted. Vaults and plans are current
     * state.
     */
    @Override
    public Map<FactKind, Duration> lookbacks(P p) {
        return Lookbacks.of(SPEC.facts(), Map.of(FactKind.RECOVERY_POINTS, Lookbacks.ALL_RETAINED,
                FactKind.VAULTS, Duration.ZERO, FactKind.PLANS, Duration.ZERO));
    }

    @Override
    public Outcome evaluate(TableFacts facts, P p, Instant now) {
        String expected = p.expected();
        if (!facts.recoveryPoints().known()) {
            return Outcome.unknown(expected, "AWS Backup recovery points unknown: " + facts.recoveryPoints().cause());
        }
        TableRef t = facts.table();
        Map<String, Held> held = new LinkedHashMap<>();
        for (RecoveryPoint rp : RecoveryPoints.ofTable(facts, facts.recoveryPoints().value())) {
            if (rp.restorable()) {
                held.putIfAbsent(rp.vaultArn() != null ? rp.vaultArn() : rp.vaultName(), new Held(rp.vaultName(), rp.vaultArn()));
            }
        }
        String source = "holding its recovery points";
        if (held.isEmpty()) {
            if (!facts.plans().known()) {
                return Outcome.unknown(expected, "The table has no recovery points and backup plans are unknown: "
                        + facts.plans().cause());
            }
            if (facts.tags() == null) {
                return Outcome.unknown(expected, "The table has no recovery points and its tags are unknown");
            }
            for (Coverage c : Coverage.of(facts.plans().value(), t, facts.tags())) {
                for (PlanRule r : c.plan().rules()) {
                    held.putIfAbsent(r.targetVaultName(), new Held(r.targetVaultName(), null));
                }
            }
            source = "targeted by its plans";
        }
        if (held.isEmpty()) {
            return Outcome.nonCompliant("no recovery points, in no plan", expected, "No vault holds backups of this "
                    + "table and no plan will write any; add it to a backup plan (see the backup_plan check).");
        }
        if (!facts.vaults().known()) {
            return Outcome.unknown(expected, "Backup vaults unknown: " + facts.vaults().cause());
        }
        List<String> observed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Held h : held.values()) {
            Optional<Vault> vault = find(facts.vaults().value(), h, t);
            if (vault.isEmpty()) {
                boolean elsewhere = h.arn() != null && (!t.region().equals(Arns.region(h.arn()))
                        || !t.account().equals(Arns.account(h.arn())));
                if (elsewhere) {
                    observed.add(h.name() + " (" + h.arn() + "): not judged, another account or region");
                } else {
                    observed.add(h.name() + ": not described");
                    unknown.add("vault " + h.name() + " was not described");
                }
                continue;
            }
            Vault v = vault.get();
            observed.add(VaultJudge.describe(v));
            VaultJudge.judge(v, p, problems, unknown);
        }
        String obs = "vaults " + source + ": " + String.join("; ", observed);
        if (!problems.isEmpty()) {
            return Outcome.nonCompliant(obs, expected, String.join(" ", problems));
        }
        if (!unknown.isEmpty()) {
            return Outcome.partlyUnknown(obs, expected, String.join("; ", unknown));
        }
        return Outcome.compliant(obs, expected, "Every vault " + source + " meets the lock and key requirements.");
    }

    /** The vaults map may be keyed by name or ARN; a name only counts for a vault of the table's own region. */
    private static Optional<Vault> find(Map<String, Vault> vaults, Held h, TableRef t) {
        if (h.arn() != null) {
            Optional<Vault> byArn = Optional.ofNullable(vaults.get(h.arn()))
                    .or(() -> vaults.values().stream().filter(v -> h.arn().equals(v.arn())).findFirst());
            if (byArn.isPresent()) {
                return byArn;
            }
        }
        // By name, a vault of the same account-region as the recovery point (or the table, for plan targets).
        String region = h.arn() != null ? Arns.region(h.arn()) : t.region();
        String account = h.arn() != null ? Arns.account(h.arn()) : t.account();
        return Optional.ofNullable(vaults.get(h.name()))
                .or(() -> vaults.values().stream().filter(v -> h.name().equals(v.name())).findFirst())
                .filter(v -> v.arn() == null || (region.equals(v.region()) && account.equals(v.account())));
    }

    private static String expected(boolean requireLock, Optional<Duration> min, Optional<Duration> max,
                                   boolean requireCustomerManagedKey, List<String> kmsKeyArns) {
        List<String> parts = new ArrayList<>();
        if (requireLock) {
            parts.add("locked");
        }
        min.ifPresent(d -> parts.add("lock min ≥ " + Durations.format(d)));
        max.ifPresent(d -> parts.add("lock max ≤ " + Durations.format(d)));
        if (requireCustomerManagedKey) {
            parts.add("customer-managed KMS key");
        }
        if (!kmsKeyArns.isEmpty()) {
            parts.add("key in " + String.join(", ", kmsKeyArns));
        }
        return parts.isEmpty() ? "any vault" : String.join(", ", parts);
    }
}
