package io.backupsentinel.engine;

import io.backupsentinel.check.Coverage;
import io.backupsentinel.model.BackupPlan;
import io.backupsentinel.model.Fact;
import io.backupsentinel.model.PitrState;
import io.backupsentinel.model.PlanRule;
import io.backupsentinel.model.PostureChange;
import io.backupsentinel.model.PostureChange.Aspect;
import io.backupsentinel.model.RecoveryPoint;
import io.backupsentinel.model.TableFacts;
import io.backupsentinel.model.TableRef;
import io.backupsentinel.model.Vault;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * The posture changes of one table between two collections, for the history's change log: created or
 * deleted, PITR switched on or off, its recovery period, the AWS Backup plans that cover it (as
 * {@link Coverage} decides from the selections), the retention of those plans' rules, and the lock and
 * encryption of the vaults that hold the table's recovery points. Pure: no I/O, no clock.
 *
 * <p>A fact unknown on either side (throttled, denied, not collected) never produces a change: a blind
 * collection must not read as "PITR was switched off".
 */
public final class PostureDiff {
    private PostureDiff() {
    }

    /**
     * The changes from {@code before} to {@code after}, observed {@code at}. Either side may be null: the
     * table was created (before null) or deleted (after null).
     */
    public static List<PostureChange> between(TableFacts before, TableFacts after, Instant at) {
        List<PostureChange> out = new ArrayList<>();
        if (before == null && after == null) {
            return out;
        }
        if (before == null) {
            out.add(new PostureChange(after.table(), Aspect.TABLE_CREATED, null, status(after), at));
            tagsFirstSeen(after, at).ifPresent(out::add);
            return out;
        }
        if (after == null) {
            out.add(new PostureChange(before.table(), Aspect.TABLE_DELETED, status(before), null, at));
            return out;
        }
        TableRef table = after.table();
        BiConsumer<Aspect, String[]> add = (aspect, values) -> {
            if (!Objects.equals(values[0], values[1])) {
                out.add(new PostureChange(table, aspect, values[0], values[1], at));
            }
        };
        // Tags unknown on either side (null: not listed) are no change, as for every other aspect.
        if (before.tags() != null && after.tags() != null) {
            add.accept(Aspect.TABLE_TAGS, new String[] {tagsJson(before.tags()), tagsJson(after.tags())});
        }
        if (both(before.pitr(), after.pitr())) {
            PitrState b = before.pitr().value();
            PitrState a = after.pitr().value();
            add.accept(Aspect.PITR_ENABLED, new String[] {onOff(b.enabled()), onOff(a.enabled())});
            // The period is only meaningful while PITR is on, and null means AWS did not say.
            if (b.enabled() && a.enabled() && b.recoveryPeriodDays() != null && a.recoveryPeriodDays() != null) {
                add.accept(Aspect.PITR_RECOVERY_PERIOD, new String[] {b.recoveryPeriodDays() + "d", a.recoveryPeriodDays() + "d"});
            }
        }
        // Selections may match by tag, so coverage is unknown while either side's tags are (null: not listed).
        if (both(before.plans(), after.plans()) && before.tags() != null && after.tags() != null) {
            Map<String, BackupPlan> b = covering(before);
            Map<String, BackupPlan> a = covering(after);
            add.accept(Aspect.BACKUP_PLAN_COVERAGE, new String[] {names(b), names(a)});
            // Retention of the plans that cover the table on both sides; a plan gained or lost is a coverage change.
            Set<String> kept = new TreeSet<>(b.keySet());
            kept.retainAll(a.keySet());
            add.accept(Aspect.BACKUP_RETENTION, new String[] {retention(b, kept), retention(a, kept)});
        }
        if (both(before.recoveryPoints(), after.recoveryPoints()) && both(before.vaults(), after.vaults())) {
            Set<String> holding = vaultsHolding(before);
            holding.retainAll(vaultsHolding(after));
            for (String name : holding) {
                Vault b = before.vaults().value().get(name);
                Vault a = after.vaults().value().get(name);
                if (b != null && a != null) {
                    add.accept(Aspect.VAULT_LOCK, new String[] {lock(b), lock(a)});
                    add.accept(Aspect.VAULT_ENCRYPTION, new String[] {encryption(b), encryption(a)});
                }
            }
        }
        return out;
    }

    /**
     * The table's tags as a daemon first sees it (before null), so the history holds every table's tags and
     * reports can scope by tag from it; empty when the tags are unknown.
     */
    public static java.util.Optional<PostureChange> tagsFirstSeen(TableFacts facts, Instant at) {
        return facts.tags() == null ? java.util.Optional.empty()
                : java.util.Optional.of(new PostureChange(facts.table(), Aspect.TABLE_TAGS, null, tagsJson(facts.tags()), at));
    }

    /** Canonical JSON, keys sorted: {@code {"env":"prod","team":"payments"}}. */
    static String tagsJson(Map<String, String> tags) {
        try {
            return TAGS_JSON.writeValueAsString(new TreeMap<>(tags));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always writes as JSON", e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper TAGS_JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static boolean both(Fact<?> a, Fact<?> b) {
        return a != null && b != null && a.known() && b.known();
    }

    private static String status(TableFacts facts) {
        return facts.tableStatus() == null ? "exists" : facts.tableStatus();
    }

    private static String onOff(boolean enabled) {
        return enabled ? "enabled" : "disabled";
    }

    /** The plans that select the table, by plan id. */
    private static Map<String, BackupPlan> covering(TableFacts facts) {
        Map<String, BackupPlan> out = new TreeMap<>();
        for (Coverage c : Coverage.of(facts.plans().value(), facts.table(), facts.tags())) {
            out.put(c.plan().id(), c.plan());
        }
        return out;
    }

    private static String names(Map<String, BackupPlan> plans) {
        return plans.isEmpty() ? "none" : plans.values().stream().map(BackupPlan::name).sorted().collect(Collectors.joining(", "));
    }

    /** e.g. "gold/daily 35d; gold/monthly forever", for the rules of the given plans. */
    private static String retention(Map<String, BackupPlan> plans, Set<String> ids) {
        List<String> parts = new ArrayList<>();
        for (String id : ids) {
            BackupPlan plan = plans.get(id);
            for (PlanRule rule : plan.rules()) {
                parts.add(plan.name() + "/" + rule.name() + " "
                        + (rule.deleteAfterDays() == null ? "forever" : rule.deleteAfterDays() + "d"));
            }
        }
        parts.sort(null);
        return parts.isEmpty() ? "none" : String.join("; ", parts);
    }

    private static Set<String> vaultsHolding(TableFacts facts) {
        Set<String> names = new TreeSet<>();
        for (RecoveryPoint p : facts.recoveryPoints().value()) {
            if (p.restorable() && p.vaultName() != null) {
                names.add(p.vaultName());
            }
        }
        return names;
    }

    private static String lock(Vault v) {
        if (!v.locked()) {
            return v.name() + ": unlocked";
        }
        return v.name() + ": locked (min " + days(v.minRetentionDays()) + ", max " + days(v.maxRetentionDays()) + ")";
    }

    private static String days(Long d) {
        return d == null ? "none" : d + "d";
    }

    private static String encryption(Vault v) {
        String type = v.encryptionKeyType() == null ? "unknown key type" : v.encryptionKeyType();
        return v.name() + ": " + type + (v.encryptionKeyArn() == null ? "" : " " + v.encryptionKeyArn());
    }
}
