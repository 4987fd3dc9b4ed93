package io.backupsentinel.rule;

import io.backupsentinel.check.Lookbacks;
import io.backupsentinel.model.FactKind;
import io.backupsentinel.model.TableRef;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A complete, valid set of rules as loaded from one rule directory: the rules in file order, the tiers, the
 * exemptions and the files they came from. Immutable, so a reload builds a new set and swaps it in one step.
 */
public final class RuleSet {
    private final List<Rule> rules;
    private final Tiers tiers;
    private final List<Exemption> exemptions;
    private final List<String> sourceFiles;
    /** The exemptions per rule name, so the many rules without one cost a map lookup per table. */
    private final Map<String, List<Exemption>> exemptionsByRule;

    RuleSet(List<Rule> rules, Tiers tiers, List<Exemption> exemptions, List<String> sourceFiles) {
        this.rules = List.copyOf(rules);
        this.tiers = tiers;
        this.exemptions = List.copyOf(exemptions);
        this.sourceFiles = List.copyOf(sourceFiles);
        Map<String, List<Exemption>> byRule = new HashMap<>();
        for (Exemption e : this.exemptions) {
            byRule.computeIfAbsent(e.rule(), k -> new ArrayList<>()).add(e);
        }
        byRule.replaceAll((k, v) -> List.copyOf(v));
        this.exemptionsByRule = Map.copyOf(byRule);
    }

    public List<Rule> rules() {
        return rules;
    }

    public Optional<Rule> rule(String name) {
        return rules.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /**
     * The same set with only the named rules (in their original order) and the exemptions of those rules,
     * e.g. to run one rule on its own or to benchmark a given number of rules.
     */
    public RuleSet restrictedTo(Collection<String> names) {
        Set<String> keep = Set.copyOf(names);
        return new RuleSet(rules.stream().filter(r -> keep.contains(r.name())).toList(), tiers,
                exemptions.stream().filter(e -> keep.contains(e.rule())).toList(), sourceFiles);
    }

    public Optional<Tiers> tiers() {
        return Optional.ofNullable(tiers);
    }

    public List<Exemption> exemptions() {
        return exemptions;
    }

    /** The rule files read, in load order, as given (relative when the directory was relative). */
    public List<String> sourceFiles() {
        return sourceFiles;
    }

    /**
     * The exemption for this rule and table: an active one when any applies (the finding is EXEMPT), otherwise
     * an expired one when some covered it (the table is evaluated normally and the finding says it expired),
     * otherwise empty. Of several expired ones, the one that expired last is named.
     */
    public Optional<ExemptionMatch> exemptionFor(Rule rule, TableRef table, Instant now) {
        List<Exemption> candidates = exemptionsByRule.get(rule.name());
        if (candidates == null) {
            return Optional.empty();
        }
        List<Exemption> covering = candidates.stream().filter(e -> e.appliesTo(rule, table)).toList();
        Optional<Exemption> active = covering.stream().filter(e -> !e.expired(now)).findFirst();
        if (active.isPresent()) {
            return Optional.of(new ExemptionMatch(active.get(), true));
        }
        return covering.stream()
                .max((a, b) -> a.expires().compareTo(b.expires()))
                .map(e -> new ExemptionMatch(e, false));
    }

    /**
     * The facts an audit of this set must collect: the union of what the rules' checks read with their bound
     * parameters (an rpo rule with {@code sources: [pitr]} adds no backup listing).
     */
    public Set<FactKind> facts() {
        Set<FactKind> kinds = EnumSet.noneOf(FactKind.class);
        rules.forEach(r -> kinds.addAll(r.lookbacks().keySet()));
        return kinds;
    }

    /**
     * How far back to collect each fact kind of {@link #facts()}: the longest lookback any rule (at any tier
     * level) declares for it, so a long retention bound widens only the listings its check reads.
     */
    public Map<FactKind, Duration> lookbacks() {
        Map<FactKind, Duration> longest = new EnumMap<>(FactKind.class);
        rules.forEach(r -> Lookbacks.mergeInto(longest, r.lookbacks()));
        return Collections.unmodifiableMap(longest);
    }
}
