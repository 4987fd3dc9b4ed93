package io.backupsentinel.check;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@link Params} in {@link Check#bind}: the rule loader fills in defaults, but a value that is missing
 * anyway (a caller that built Params by hand, a tier that overrides only some keys) counts as absent.
 */
final class ParamValues {
    private ParamValues() {
    }

    static Duration duration(Params p, String name, Duration fallback) {
        return p.has(name) ? p.duration(name) : fallback;
    }

    static Optional<Duration> optionalDuration(Params p, String name) {
        return p.has(name) ? Optional.of(p.duration(name)) : Optional.empty();
    }

    static Duration requiredDuration(Params p, String name) {
        if (!p.has(name)) {
            throw new IllegalArgumentException(name + " is required, e.g. " + name + ": 24h");
        }
        return p.duration(name);
    }

    static boolean bool(Params p, String name, boolean fallback) {
        return p.has(name) ? p.bool(name) : fallback;
    }

    static Optional<Long> optionalInteger(Params p, String name) {
        return p.has(name) ? Optional.of(p.integer(name)) : Optional.empty();
    }

    static List<String> list(Params p, String name, List<String> fallback) {
        return p.has(name) ? List.copyOf(p.list(name)) : fallback;
    }

    /** Refuses min above max with a message naming both parameters. */
    static void requireOrdered(Optional<Duration> min, String minName, Optional<Duration> max, String maxName) {
        if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) > 0) {
            throw new IllegalArgumentException(minName + " (" + io.backupsentinel.model.Durations.format(min.get())
                    + ") is above " + maxName + " (" + io.backupsentinel.model.Durations.format(max.get()) + ")");
        }
    }
}
