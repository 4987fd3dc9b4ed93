package io.backupsentinel.sandbox.scenario;

import io.backupsentinel.yaml.Values;
import io.backupsentinel.yaml.YMap;

import java.time.Duration;
import java.time.Instant;

/** Value kinds only scenarios have: whole-day durations (AWS stores them as day counts) and scenario times. */
final class ScenarioValues {
    private ScenarioValues() {
    }

    /** A duration in whole days within min..max days, as a day count. */
    static Long days(YMap m, String key, Long dflt, long min, long max) {
        return m.parsed(key, dflt, s -> {
            Duration d = Values.duration(s);
            if (d.toSeconds() % 86_400 != 0) {
                throw new IllegalArgumentException("must be whole days, e.g. 35d, got " + s);
            }
            long days = d.toDays();
            if (days < min || days > max) {
                throw new IllegalArgumentException("must be " + min + "d.." + max + "d, got " + s.trim());
            }
            return days;
        });
    }

    /** A time: now, an offset from now, or an ISO-8601 instant (see {@link Times}). */
    static Instant time(YMap m, String key, Instant dflt, Instant now) {
        return m.parsed(key, dflt, s -> Times.parse(s, now));
    }
}
