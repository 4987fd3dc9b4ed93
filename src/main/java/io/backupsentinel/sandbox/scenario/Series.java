package io.backupsentinel.sandbox.scenario;

import io.backupsentinel.yaml.YMap;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The creation times of a list item: one {@code created:} time, or a series written
 * {@code every: 1h, count: 48, newest: -40m} (newest first, each {@code every} older than the one before).
 */
final class Series {
    private static final int MAX_COUNT = 100_000;

    private Series() {
    }

    static List<Instant> times(YMap m, LoadContext ctx) {
        List<Instant> out = new ArrayList<>();
        if (m.has("every")) {
            Duration every = m.duration("every", null);
            Long count = m.integer("count", null, 1, MAX_COUNT);
            Instant newest = ScenarioValues.time(m, "newest", null, ctx.now);
            if (!m.has("count")) {
                m.missing("count");
            }
            if (!m.has("newest")) {
                m.missing("newest");
            }
            if (m.has("created")) {
                m.get("created").error("give either created or a series (every, count, newest), not both");
            }
            if (every != null && every.isZero()) {
                m.get("every").error("must be longer than 0s");
                return out;
            }
            if (every != null && count != null && newest != null) {
                for (long i = 0; i < count; i++) {
                    out.add(newest.minus(every.multipliedBy(i)));
                }
            }
            return out;
        }
        Instant created = ScenarioValues.time(m, "created", null, ctx.now);
        if (!m.has("created")) {
            m.missing("created");
        } else if (created != null) {
            out.add(created);
        }
        return out;
    }
}
