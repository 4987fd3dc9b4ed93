package io.backupsentinel.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@code daemon:} section: how often {@code run} collects facts, evaluates rules without a schedule, and
 * re-checks tables in breach, and where it keeps its data.
 *
 * @param collectEvery  how often facts are collected (AWS calls); at least 10s
 * @param evaluateEvery how often a rule without a {@code schedule} is evaluated (no AWS calls); at least 10s
 * @param recheckEvery  how often a table in breach of a freshness rule is re-checked; at least 5s
 * @param dataDir       the daemon's data directory (history), resolved against the config file's directory
 */
public record DaemonSettings(Duration collectEvery, Duration evaluateEvery, Duration recheckEvery, Path dataDir) {
    public static final Duration COLLECT_EVERY = Duration.ofMinutes(15);
    public static final Duration EVALUATE_EVERY = Duration.ofMinutes(1);
    public static final Duration RECHECK_EVERY = Duration.ofMinutes(1);
    public static final String DATA_DIR = "./data";

    public DaemonSettings {
        Objects.requireNonNull(collectEvery);
        Objects.requireNonNull(evaluateEvery);
        Objects.requireNonNull(recheckEvery);
        Objects.requireNonNull(dataDir);
    }

    /** Every setting at its default, with the data directory resolved against {@code base}. */
    public static DaemonSettings defaults(Path base) {
        return new DaemonSettings(COLLECT_EVERY, EVALUATE_EVERY, RECHECK_EVERY, base.resolve(DATA_DIR).normalize());
    }
}
