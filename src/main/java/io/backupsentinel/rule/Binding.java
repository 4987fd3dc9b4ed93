package io.backupsentinel.rule;

import io.backupsentinel.check.Check;
import io.backupsentinel.check.Lookbacks;
import io.backupsentinel.check.Outcome;
import io.backupsentinel.check.Params;
import io.backupsentinel.model.FactKind;
import io.backupsentinel.model.TableFacts;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A check together with its bound parameters, bound once at load time: the rule's own, and one per tier level.
 * Everything that depends only on the parameters (texts, per-kind lookbacks, the check's prepared state) is made
 * here, so it lives as long as the rule set and nothing is shared between rule sets.
 * Keeping {@code P} captured here lets a {@link Rule} hold a {@code Check<?>} and still call
 * {@link Check#evaluate} without unchecked casts.
 */
final class Binding<P> {
    private final Check<P> check;
    private final Params params;
    private final P bound;
    private final Map<String, Params> tierParams;
    private final Map<String, P> tierBound;
    /** Per fact kind, the longest lookback of the rule's own bound params and every tier level's. */
    private final Map<FactKind, Duration> lookbacks;

    private Binding(Check<P> check, Params params, P bound, Map<String, Params> tierParams, Map<String, P> tierBound) {
        this.check = check;
        this.params = params;
        this.bound = bound;
        this.tierParams = Collections.unmodifiableMap(tierParams);
        this.tierBound = Collections.unmodifiableMap(tierBound);
        Map<FactKind, Duration> longest = new EnumMap<>(FactKind.class);
        Lookbacks.mergeInto(longest, check.lookbacks(bound));
        tierBound.values().forEach(p -> Lookbacks.mergeInto(longest, check.lookbacks(p)));
        this.lookbacks = Collections.unmodifiableMap(longest);
    }

    /** The rule's own params and bound value, and per defined tier level the merged params and bound value. */
    static <P> Binding<P> of(Check<P> check, Params params, P bound, Map<String, Params> tierParams,
                             Map<String, P> tierBound) {
        return new Binding<>(check, params, bound, new LinkedHashMap<>(tierParams), new LinkedHashMap<>(tierBound));
    }

    Check<P> check() {
        return check;
    }

    Params params() {
        return params;
    }

    Map<String, Params> tierParams() {
        return tierParams;
    }

    Map<FactKind, Duration> lookbacks() {
        return lookbacks;
    }

    boolean hasLevel(String level) {
        return tierBound.containsKey(level);
    }

    /** Evaluates with the level's params, or the rule's own when {@code level} is null. */
    Outcome evaluate(String level, TableFacts facts, Instant now) {
        return check.evaluate(facts, level == null ? bound : tierBound.get(level), now);
    }
}
