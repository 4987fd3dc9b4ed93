package io.backupsentinel.engine;

import io.backupsentinel.model.TableFacts;
import io.backupsentinel.rule.Rule;
import io.backupsentinel.rule.RuleSet;

import java.time.Duration;
import java.util.Optional;

/**
 * A table's objectives as the rules set them, tiers applied: its RPO (the strictest {@code max_age} of the
 * {@code rpo} rules whose scope holds it) and its RTO (the strictest {@code rto} of the {@code restore_test}
 * rules).
 */
final class RuleTargets {
    private RuleTargets() {
    }

    static Optional<Duration> rpo(RuleSet rules, TableFacts t) {
        return strictest(rules, t, "rpo", "max_age");
    }

    static Optional<Duration> rto(RuleSet rules, TableFacts t) {
        return strictest(rules, t, "restore_test", "rto");
    }

    private static Optional<Duration> strictest(RuleSet rules, TableFacts t, String check, String param) {
        Duration best = null;
        for (Rule r : rules.rules()) {
            if (check.equals(r.checkName()) && r.scope().matches(t.table(), t.tags())
                    && r.paramsFor(t.tags()).asMap().get(param) instanceof Duration d
                    && (best == null || d.compareTo(best) < 0)) {
                best = d;
            }
        }
        return Optional.ofNullable(best);
    }
}
