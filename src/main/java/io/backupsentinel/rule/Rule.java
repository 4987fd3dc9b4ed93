package io.backupsentinel.rule;

import io.backupsentinel.check.Check;
import io.backupsentinel.check.Outcome;
import io.backupsentinel.check.Params;
import io.backupsentinel.model.FactKind;
import io.backupsentinel.model.Severity;
import io.backupsentinel.model.TableFacts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One loaded, validated rule: a check with its parameters bound (per tier level), the scope it judges, how
 * urgent its findings are and when it runs. Immutable; made only by {@link RuleLoader}.
 */
public final class Rule {
    private final String name;
    private final String description;
    private final Severity severity;
    private final String owner;
    private final List<String> frameworks;
    private final Schedule schedule;
    private final Scope scope;
    private final String tierTag;
    private final Binding<?> binding;
    private final Where source;
    private final boolean allowEmpty;

    Rule(String name, String description, Severity severity, String owner, List<String> frameworks,
         Schedule schedule, Scope scope, String tierTag, Binding<?> binding, Where source,
         boolean allowEmpty) {
        this.name = Objects.requireNonNull(name);
        this.description = description;
        this.severity = Objects.requireNonNull(severity);
        this.owner = owner;
        this.frameworks = List.copyOf(frameworks);
        this.schedule = schedule;
        this.scope = Objects.requireNonNull(scope);
        this.tierTag = tierTag;
        this.binding = Objects.requireNonNull(binding);
        this.source = Objects.requireNonNull(source);
        this.allowEmpty = allowEmpty;
    }

    /**
     * Judges one table: picks the tier level from the table's tier tag (the level's values for this check
     * override the rule's; a level that says nothing about the check uses the rule's), and calls the check with
     * the parameters bound at load time. A tag naming no defined level uses the rule's own parameters, and the
     * outcome's message says so.
     */
    public Outcome evaluate(TableFacts facts, Instant now) {
        String level = tierLevel(facts.tags());
        if (level == null || binding.hasLevel(level)) {
            return binding.evaluate(level, facts, now);
        }
        Outcome o = binding.evaluate(null, facts, now);
        return new Outcome(o.status(), o.observed(), o.expected(), o.message() + " (tier '" + level
                + "' from tag " + tierTag + " is not defined; the rule's own params were used)", o.changesAt());
    }

    /** The parameter values a table with these tags is judged by (e.g. the RPO target for a metric). */
    public Params paramsFor(Map<String, String> tags) {
        String level = tierLevel(tags);
        return level != null && binding.hasLevel(level) ? binding.tierParams().get(level) : binding.params();
    }

    private String tierLevel(Map<String, String> tags) {
        return tierTag == null || tags == null ? null : tags.get(tierTag);
    }

    public String name() {
        return name;
    }

    /** Empty when the file gave none. */
    public String description() {
        return description;
    }

    public Check<?> check() {
        return binding.check();
    }

    public String checkName() {
        return binding.check().spec().name();
    }

    public Severity severity() {
        return severity;
    }

    /** Null when the file gave none. */
    public String owner() {
        return owner;
    }

    public List<String> frameworks() {
        return frameworks;
    }

    /** Null: the daemon's default schedule. */
    public Schedule schedule() {
        return schedule;
    }

    public Scope scope() {
        return scope;
    }

    /** The rule's own parameter values, defaults filled in. */
    public Params params() {
        return binding.params();
    }

    /**
     * How far back the rule needs each fact kind its check reads: per kind, the longest of what its own
     * parameters and each tier level's need.
     */
    public Map<FactKind, Duration> lookbacks() {
        return binding.lookbacks();
    }

    /** Per defined tier level, the merged values this rule uses for tables of that level. */
    public Map<String, Params> tierParams() {
        return binding.tierParams();
    }

    /**
     * Whether the rule may reach no table ({@code allow_empty: true}); otherwise an audit in which it judged no
     * table fails, because a scope that matches nothing (a typo in a tag) must never read as compliance.
     */
    public boolean allowEmpty() {
        return allowEmpty;
    }

    public Where source() {
        return source;
    }

    public String sourceFile() {
        return source.file();
    }

    public int line() {
        return source.line();
    }

    @Override
    public String toString() {
        return "rule " + name + " (" + checkName() + ", " + source + ")";
    }
}
