package io.backupsentinel.metrics;

import io.backupsentinel.model.RecoverySource;
import io.backupsentinel.model.TableFacts;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How the metrics read times out of a table's facts, given by the wiring so that the metrics use exactly
 * the checks' definitions without depending on the check package:
 * {@code new RecoveryTimes(RecoveryPoints::newestInstants, RestoreTestCheck::lastValidatedRestore)}.
 *
 * @param newestPoints         the newest restorable point per source; a source without a point, or whose
 *                             facts are unknown, is absent
 * @param lastValidatedRestore the completion time of the newest restore that passed validation
 */
public record RecoveryTimes(Function<TableFacts, Map<RecoverySource, Instant>> newestPoints,
                            Function<TableFacts, Optional<Instant>> lastValidatedRestore) {
    public RecoveryTimes {
        Objects.requireNonNull(newestPoints, "newestPoints");
        Objects.requireNonNull(lastValidatedRestore, "lastValidatedRestore");
    }
}
