package io.backupsentinel.check;

import io.backupsentinel.model.Durations;
import io.backupsentinel.model.FactKind;
import io.backupsentinel.model.PlanRule;
import io.backupsentinel.model.TableFacts;
import io.backupsentinel.model.TimeMath;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code backup_plan}: an AWS Backup plan selects the table, with AWS's own selection semantics
 * ({@link SelectionMatcher}), and one of its rules backs it up often enough, keeps it long enough, in an
 * allowed vault.
 */
public final class BackupPlanCheck implements Check<BackupPlanCheck.P> {
    /**
     * @param expected    the findings' {@code expected}, made once per binding
     * @param frequencies the schedules' frequencies this binding has worked out, kept for their hour
     */
    public record P(Duration maxInterval, Optional<Duration> minRetention, List<String> vaults, String expected,
                    Frequencies frequencies) {
        public P(Duration maxInterval, Optional<Duration> minRetention, List<String> vaults) {
            this(maxInterval, minRetention, vaults, "selected by a plan with a rule every ≤ "
                    + Durations.format(maxInterval) + minRetention.map(d -> ", keep ≥ " + Durations.format(d)).orElse("")
                    + (vaults.isEmpty() ? "" : ", vault " + String.join("|", vaults)), new Frequencies());
        }
    }

    private static final CheckSpec SPEC = new CheckSpec("backup_plan",
            "Judges AWS Backup coverage. The table must be selected by a backup plan of its account and region, "
                    + "computed from the plans' selections exactly as AWS Backup applies them (Resources ARNs with "
                    + "wildcards or ListOfTags, minus NotResources, and every Conditions entry: StringEquals, "
                    + "StringNotEquals, StringLike, StringNotLike on aws:ResourceTag/KEY), because AWS lists a "
                    + "protected resource only after its first backup. One rule of a selecting plan must back up at "
                    + "least every max_interval (the longest gap between firings of its cron schedule in its time "
                    + "zone over the next two weeks, or continuous backup), keep recovery points at least "
                    + "min_retention (DeleteAfterDays; none = forever), and write to a vault matching vaults. "
                    + "Observed names the plans and selections that cover the table and how (by ARN, by tag, by "
                    + "condition). COMPLIANT when such a rule exists; NON_COMPLIANT when no plan selects the table or "
                    + "no rule of those that do meets the limits (each rule's shortfall is given, including a "
                    + "schedule that cannot be parsed); UNKNOWN when the plans or the table's tags could not be read.",
            List.of(ParamSpec.optional("max_interval", ParamType.DURATION, "24h",
                            "Longest acceptable gap between two scheduled backups."),
                    ParamSpec.optional("min_retention", ParamType.DURATION, null,
                            "Shortest acceptable DeleteAfterDays of the rule; default no limit."),
                    ParamSpec.optional("vaults", ParamType.STRING_LIST, null,
                            "Globs of allowed target vault names; default any.")),
            IamActions.of(IamActions.PLANS, IamActions.TAGS),
            Set.of(FactKind.PLANS),
            """
            - name: in-a-daily-plan
              description: Every production table is in an AWS Backup plan that backs it up daily and keeps 35 days.
              check: backup_plan
              severity: high
              scope:
                tags: {env: prod}
                exclude_tags: {backup: none}
              params: {max_interval: 24h, min_retention: 35d, vaults: ["prod-*"]}
            """);

    @Override
    public CheckSpec spec() {
        return SPEC;
    }

    @Override
    public P bind(Params params) {
        return new P(ParamValues.duration(params, "max_interval", Duration.ofHours(24)),
                ParamValues.optionalDuration(params, "min_retention"), ParamValues.list(params, "vaults", List.of()));
    }

    /** Plans and their selections are current state: no history is read. */
    @Override
    public Map<FactKind, Duration> lookbacks(P p) {
        return Lookbacks.of(SPEC.facts(), Map.of(FactKind.PLANS, Duration.ZERO));
    }

    @Override
    public Outcome evaluate(TableFacts facts, P p, Instant now) {
        String expected = p.expected();
        if (!facts.plans().known()) {
            return Outcome.unknown(expected, "Backup plans unknown: " + facts.plans().cause());
        }
        if (facts.tags() == null) {
            return Outcome.unknown(expected, "Table tags unknown, so tag-based selections cannot be matched");
        }
        List<Coverage> covering = Coverage.of(facts.plans().value(), facts.table(), facts.tags());
        if (covering.isEmpty()) {
            return Outcome.nonCompliant("in no plan (" + facts.plans().value().size() + " plans checked)", expected,
                    "No AWS Backup plan in " + facts.table().account() + "/" + facts.table().region() + " selects "
                            + "this table. Assign it: aws backup create-backup-selection --backup-plan-id PLAN_ID "
                            + "--backup-selection '{\"SelectionName\":\"" + facts.table().name() + "\",\"IamRoleArn\":"
                            + "\"ROLE_ARN\",\"Resources\":[\"" + facts.table().arn() + "\"]}', or tag it to match a "
                            + "plan's tag selection.");
        }
        List<String> shortfalls = new ArrayList<>();
        for (Coverage c : covering) {
            for (PlanRule rule : c.plan().rules()) {
                List<String> why = shortfalls(rule, p, now);
                if (why.isEmpty()) {
                    return Outcome.compliant("covered by " + Coverage.describeAll(covering) + "; rule "
                            + c.plan().name() + "/" + rule.name() + ": " + ruleSummary(rule, p, now), expected,
                            "Backed up by plan " + c.plan().name() + ", rule " + rule.name() + ".");
                }
                shortfalls.add(c.plan().name() + "/" + rule.name() + ": " + String.join(", ", why));
            }
        }
        return Outcome.nonCompliant("covered by " + Coverage.describeAll(covering), expected,
                "No rule of the plans covering this table meets the limits. "
                        + (shortfalls.isEmpty() ? "The covering plans have no rules." : String.join("; ", shortfalls))
                        + ". Change the rule (aws backup update-backup-plan) or assign the table to a plan that does.");
    }

    private static List<String> shortfalls(PlanRule rule, P p, Instant now) {
        List<String> why = new ArrayList<>();
        BackupFrequency f = p.frequencies().of(rule, now);
        if (!f.known()) {
            why.add(f.problem());
        } else if (f.longest().compareTo(p.maxInterval()) > 0) {
            why.add(f.description() + " (over " + Durations.format(p.maxInterval()) + ")");
        }
        p.minRetention().ifPresent(min -> {
            if (rule.deleteAfterDays() != null && TimeMath.days(rule.deleteAfterDays()).compareTo(min) < 0) {
                why.add("keeps " + rule.deleteAfterDays() + "d (under " + Durations.format(min) + ")");
            }
        });
        if (!Globs.matchesAnyOrNone(p.vaults(), rule.targetVaultName())) {
            why.add("vault " + rule.targetVaultName() + " is not one of " + String.join(", ", p.vaults()));
        }
        return why;
    }

    private static String ruleSummary(PlanRule rule, P p, Instant now) {
        return p.frequencies().of(rule, now).description() + ", keep "
                + (rule.deleteAfterDays() == null ? "forever" : rule.deleteAfterDays() + "d")
                + ", vault " + rule.targetVaultName();
    }
}
