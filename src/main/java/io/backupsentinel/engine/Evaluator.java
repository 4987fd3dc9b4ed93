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
    private final Duration maxFactAge;

    public Evaluator(RuleSet rules) {
        this(rules, null);
    }

    /** @param maxFactAge facts collected longer ago than this give UNKNOWN; null never treats them as stale */
    public Evaluator(RuleSet rules, Duration maxFactAge) {
        this.rules = rules;
        this.maxFactAge = maxFactAge;
    }

    /** Findings ordered by account, region, table, then the rules' order in their files. */
    public List<Finding> evaluate(List<RegionSnapshot> snapshots, Instant now) {
        return evaluate(snapshots, now, rule -> true);
    }

    /** The findings of the rules that {@code which} accepts: the daemon evaluates each rule on its own schedule. */
    public List<Finding> evaluate(List<RegionSnapshot> snapshots, Instant now, Predicate<Rule> which) {
        List<Finding> out = new ArrayList<>();
        // Sorting the few targets and each target's tables costs far less than sorting every finding.
        List<RegionSnapshot> ordered = snapshots.stream().sorted(TARGET_ORDER).toList();
        for (RegionSnapshot s : ordered) {
            if (s.failure() != null) {
                out.addAll(unreachable(s.target(), s.failure(), now, which));
            } else {
                s.tables().stream().sorted(TABLE_ORDER).toList().parallelStream()
                        .map(t -> evaluate(t, now, which)).forEachOrdered(out::addAll);
            }
        }
        return out;
    }

    /** Every rule whose scope holds this table, judged now. */
    public List<Finding> evaluate(TableFacts facts, Instant now) {
        return evaluate(facts, now, rule -> true);
    }

    private List<Finding> evaluate(TableFacts facts, Instant now, Predicate<Rule> which) {
        List<Finding> out = new ArrayList<>();
        for (Rule rule : rules.rules()) {
            if (which.test(rule) && rule.scope().matches(facts.table(), facts.tags())) {
                out.add(judge(rule, facts, now));
            }
        }
        return out;
    }

    private Finding judge(Rule rule, TableFacts facts, Instant now) {
        Outcome outcome;
        if (maxFactAge != null && TimeMath.plus(facts.collectedAt(), maxFactAge).isBefore(now)) {
            outcome = Outcome.unknown("facts no older than " + Durations.format(maxFactAge),
                    "facts are stale: last collected " + Durations.format(Duration.between(facts.collectedAt(), now))
                            + " ago");
        } else {
            outcome = guarded(rule, facts, now);
        }
        Optional<ExemptionMatch> exemption = rules.exemptionFor(rule, facts.table(), now);
        if (exemption.isPresent()) {
            ExemptionMatch e = exemption.get();
            outcome = e.active()
                    ? new Outcome(Status.EXEMPT, outcome.observed(), outcome.expected(), e.message()
                            + "; without it: " + outcome.status() + ": " + outcome.message())
                    : new Outcome(outcome.status(), outcome.observed(), outcome.expected(),
                            outcome.message() + " (" + e.message() + ")");
        }
        TableRef t = facts.table();
        return new Finding(t.account(), t.region(), t.name(), t.arn(), rule.name(), rule.check().spec().name(),
                rule.severity(), outcome.status(), outcome.observed(), outcome.expected(), outcome.message(), now);
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

    private List<Finding> unreachable(Target target, String cause, Instant now, Predicate<Rule> which) {
        List<Finding> out = new ArrayList<>();
        for (Rule rule : rules.rules()) {
            if (which.test(rule) && rule.scope().reaches(target)) {
                out.add(new Finding(target.account(), target.region(), WHOLE_TARGET, null, rule.name(),
                        rule.check().spec().name(), rule.severity(), Status.UNKNOWN, "unknown",
                        "tables of " + target + " listed", "could not collect " + target + ": " + cause, now));
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
