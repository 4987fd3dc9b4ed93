package io.backupsentinel.engine;

import io.backupsentinel.check.Outcome;
import io.backupsentinel.inventory.RegionSnapshot;
import io.backupsentinel.model.Durations;
import io.backupsentinel.model.Finding;
import io.backupsentinel.model.Status;
import io.backupsentinel.model.TableFacts;
import io.backupsentinel.model.TableRef;
import io.backupsentinel.model.Target;
import io.backupsentinel.model.TimeMath;
import io.backupsentinel.rule.ExemptionMatch;
import io.backupsentinel.rule.Rule;
import io.backupsentinel.rule.RuleSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Turns collected facts into findings: every rule on every table in its scope, exemptions honoured, and
 * facts older than {@code maxFactAge} judged UNKNOWN. Pure and thread-safe: no I/O, time passed in.
 */
public final class Evaluator {
    private static final Comparator<RegionSnapshot> TARGET_ORDER = Comparator
            .comparing((RegionSnapshot s) -> s.target().account()).thenComparing(s -> s.target().region());
    private static final Comparator<TableFacts> TABLE_ORDER = Comparator.comparing(t -> t.table().name());

    private static final Logger LOG = LoggerFactory.getLogger(Evaluator.class);
    /** The table name of a finding that stands for a whole account-region that could not be listed. */
    static final String WHOLE_TARGET = "*";

    private final RuleSet rules;
    private final Function<Rule, Duration> maxFactAge;

    public Evaluator(RuleSet rules) {
        this(rules, rule -> null);
    }

    /** @param maxFactAge facts collected longer ago than this give UNKNOWN; null never treats them as stale */
    public Evaluator(RuleSet rules, Duration maxFactAge) {
        this(rules, rule -> maxFactAge);
    }

    /** @param maxFactAge per rule, how old its facts may be before they give UNKNOWN; null: never stale */
    public Evaluator(RuleSet rules, Function<Rule, Duration> maxFactAge) {
        this.rules = rules;
        this.maxFactAge = maxFactAge;
    }

    /** Findings ordered by account, region, table, then the rules' order in their files. */
    public List<Finding> evaluate(List<RegionSnapshot> snapshots, Instant now) {
        return evaluate(snapshots, now, rule -> true);
    }

    /** The findings of the rules that {@code which} accepts. */
    public List<Finding> evaluate(List<RegionSnapshot> snapshots, Instant now, Predicate<Rule> which) {
        List<Finding> out = new ArrayList<>();
        // Sorting the few targets and each target's tables costs far less than sorting every finding.
        List<RegionSnapshot> ordered = snapshots.stream().sorted(TARGET_ORDER).toList();
        for (RegionSnapshot s : ordered) {
            judge(s, now, which).forEach(j -> out.add(j.finding()));
        }
        return out;
    }

    /**
     * Every rule that {@code which} accepts on one account-region's facts, each with the instant it changes on
     * its own. A snapshot with a failure gives one UNKNOWN finding per rule for the whole account-region (table
     * {@code "*"}) and, when it still carries the tables of an earlier collection, their findings as well:
     * those facts stay usable until they are stale.
     */
    public List<Judged> judge(RegionSnapshot s, Instant now, Predicate<Rule> which) {
        List<Judged> out = new ArrayList<>();
        if (s.failure() != null) {
            out.addAll(unreachable(s.target(), s.failure(), now, which));
        }
        s.tables().stream().sorted(TABLE_ORDER).toList().parallelStream()
                .map(t -> judge(t, now, which)).forEachOrdered(out::addAll);
        return out;
    }

    /** Every rule whose scope holds this table, judged now. */
    public List<Finding> evaluate(TableFacts facts, Instant now) {
        return judge(facts, now, rule -> true).stream().map(Judged::finding).toList();
    }

    private List<Judged> judge(TableFacts facts, Instant now, Predicate<Rule> which) {
        List<Judged> out = new ArrayList<>();
        for (Rule rule : rules.rules()) {
            if (which.test(rule) && rule.scope().matches(facts.table(), facts.tags())) {
                out.add(judge(rule, facts, now));
            }
        }
        return out;
    }

    private Judged judge(Rule rule, TableFacts facts, Instant now) {
        Outcome outcome;
        Duration maxAge = maxFactAge.apply(rule);
        Instant staleAt = maxAge == null ? null : TimeMath.plus(facts.collectedAt(), maxAge);
        if (staleAt != null && staleAt.isBefore(now)) {
            outcome = Outcome.unknown("facts no older than " + Durations.format(maxAge),
                    "facts are stale: last collected " + Durations.format(Duration.between(facts.collectedAt(), now))
                            + " ago");
            staleAt = null;
        } else {
            outcome = guarded(rule, facts, now);
        }
        Instant changesAt = TimeMath.earliest(outcome.changesAt(), staleAt == null ? null : staleAt.plusMillis(1));
        Optional<ExemptionMatch> exemption = rules.exemptionFor(rule, facts.table(), now);
        if (exemption.isPresent()) {
            ExemptionMatch e = exemption.get();
            if (e.active()) {
                changesAt = TimeMath.earliest(changesAt, e.exemption().expiresAt());
                outcome = new Outcome(Status.EXEMPT, outcome.observed(), outcome.expected(), e.message()
                        + "; without it: " + outcome.status() + ": " + outcome.message());
            } else {
                outcome = new Outcome(outcome.status(), outcome.observed(), outcome.expected(),
                        outcome.message() + " (" + e.message() + ")");
            }
        }
        TableRef t = facts.table();
        return new Judged(new Finding(t.account(), t.region(), t.name(), t.arn(), rule.name(),
                rule.check().spec().name(), rule.severity(), outcome.status(), outcome.observed(),
                outcome.expected(), outcome.message(), now), changesAt);
    }

    /** A check that throws is a bug: the table is judged UNKNOWN with the cause, never skipped or COMPLIANT. */
    private static Outcome guarded(Rule rule, TableFacts facts, Instant now) {
        try {
            return rule.evaluate(facts, now);
        } catch (RuntimeException e) {
            LOG.error("check {} of rule {} failed on {} (a bug, please report it)", rule.checkName(), rule.name(),
                    facts.table().name(), e);
            return Outcome.unknown("the check to run", "the check failed (an internal error): " + e);
        }
    }

    private List<Judged> unreachable(Target target, String cause, Instant now, Predicate<Rule> which) {
        List<Judged> out = new ArrayList<>();
        for (Rule rule : rules.rules()) {
            if (which.test(rule) && rule.scope().reaches(target)) {
                out.add(new Judged(new Finding(target.account(), target.region(), WHOLE_TARGET, null, rule.name(),
                        rule.check().spec().name(), rule.severity(), Status.UNKNOWN, "unknown",
                        "tables of " + target + " listed", "could not collect " + target + ": " + cause, now), null));
            }
        }
        return out;
    }

    static boolean reaches(RuleSet rules, Target target) {
        return rules.rules().stream().anyMatch(r -> r.scope().reaches(target));
    }

    static boolean anyRuleCovers(RuleSet rules, TableRef table, Map<String, String> tags) {
        for (Rule r : rules.rules()) {
            if (r.scope().matches(table, tags)) {
                return true;
            }
        }
        return false;
    }
}
