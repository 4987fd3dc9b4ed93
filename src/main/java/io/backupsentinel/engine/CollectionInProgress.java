package io.backupsentinel.engine;

import io.backupsentinel.model.Target;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A collection running now: one account-region for some rules, started at {@code started}.
 *
 * @param tables how many tables a re-check is limited to; -1 when every table in the rules' scope is asked
 */
public record CollectionInProgress(Target target, List<String> rules, int tables, Instant started) {
    public CollectionInProgress {
        rules = List.copyOf(rules);
    }

    public Duration elapsed(Instant now) {
        Duration d = Duration.between(started, now);
        return d.isNegative() ? Duration.ZERO : d;
    }
}
