package io.backupsentinel.metrics;

import io.backupsentinel.model.RecoverySource;
import io.backupsentinel.model.TableFacts;
import io.backupsentinel.model.TableRef;
import io.backupsentinel.model.Target;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The per-table families: recovery point ages, RPO targets and the last validated restore. Targets and
 * restore times are rendered once per update; ages are written from the stored point times at scrape time,
 * so they grow between collections. The age text is cached for the current whole second and shared by the
 * scrapes of that second (ages have one-second resolution), which keeps ten concurrent scrapes of a large
 * fleet from each rewriting and recompressing it; while scrapes come in, the next second's text is rendered
 * in the background, so an age in a scrape may be up to 3 s behind the clock (never after new facts).
 */
final class TableSeries {
    private static final Chunk AGE_HEADER = Chunk.of(Meters.RECOVERY_POINT_AGE.header());
    private static final Chunk RPO_HEADER = Chunk.of(Meters.RPO_TARGET.header());
    private static final Chunk RESTORE_HEADER = Chunk.of(Meters.RESTORE_TEST_LAST_SUCCESS.header());

    /** One account-region: its rendered targets and restores, and one age line prefix per point. */
    private record Region(Chunk rpo, Chunk restore, byte[][] agePrefixes, long[] pointMillis) {
    }

    private final RecoveryTimes times;
    private final Map<String, Region> regions = new ConcurrentSkipListMap<>();
    private final AtomicLong version = new AtomicLong();
    // Re-rendered each second, in the background for up to 3 s so that no scrape waits for it.
    private final SharedRender<Chunk> ages = new SharedRender<>("metrics-ages", this::renderAges, 1000, 3000);

    TableSeries(RecoveryTimes times) {
        this.times = times;
    }

    /** Replaces the series of each of {@code targets} with those of its tables in {@code facts}. */
    void replace(Collection<Target> targets, List<TableFacts> facts, Map<TableRef, Duration> rpoTargets) {
        for (Target t : targets) {
            List<TableFacts> own = facts.stream().filter(f -> f.table().target().equals(t)).toList();
            if (own.isEmpty()) {
                regions.remove(t.toString());
            } else {
                regions.put(t.toString(), render(own, rpoTargets));
            }
        }
        version.incrementAndGet();
    }

    /** The three families in exposition order, each one contiguous; ages as of {@code now}. */
    void appendTo(List<Chunk> out, Instant now) {
        List<Region> snapshot = new ArrayList<>(regions.values());
        out.add(AGE_HEADER);
        out.add(ages(now));
        out.add(RPO_HEADER);
        snapshot.forEach(r -> out.add(r.rpo()));
        out.add(RESTORE_HEADER);
        snapshot.forEach(r -> out.add(r.restore()));
    }

    private Chunk ages(Instant now) {
        // Whole seconds: every scrape within one second shares one rendering.
        return ages.get(version.get(), now.getEpochSecond() * 1000);
    }

    private Chunk renderAges(long nowMillis) {
        TextBuffer text = new TextBuffer(1 << 20);
        for (Region r : regions.values()) {
            for (int i = 0; i < r.pointMillis().length; i++) {
                text.bytes(r.agePrefixes()[i]).millisAsSeconds(nowMillis - r.pointMillis()[i]).newline();
            }
        }
        return Chunk.of(text.toByteArray());
    }

    void close() {
        ages.close();
    }

    private Region render(List<TableFacts> facts, Map<TableRef, Duration> rpoTargets) {
        TextBuffer rpo = new TextBuffer(1 << 12);
        TextBuffer restore = new TextBuffer(1 << 12);
        List<byte[]> prefixes = new ArrayList<>();
        List<Long> points = new ArrayList<>();
        for (TableFacts f : facts) {
            TableRef t = f.table();
            Map<RecoverySource, Instant> newest = times.newestPoints().apply(f);
            Instant youngest = null;
            for (RecoverySource s : RecoverySource.values()) {
                Instant at = newest.get(s);
                if (at != null) {
                    prefixes.add(agePrefix(t, s.label()));
                    points.add(at.toEpochMilli());
                    youngest = youngest == null || at.isAfter(youngest) ? at : youngest;
                }
            }
            if (youngest != null) {
                prefixes.add(agePrefix(t, Meters.EFFECTIVE));
                points.add(youngest.toEpochMilli());
            }
            Duration target = rpoTargets.get(t);
            if (target != null) {
                rpo.text(TextBuffer.series(Meters.RPO_TARGET.name(), Meters.RPO_TARGET.labels(), t.account(),
                        t.region(), t.name())).millisAsSeconds(target.toMillis()).newline();
            }
            Optional<Instant> restored = times.lastValidatedRestore().apply(f);
            if (restored.isPresent()) {
                restore.text(TextBuffer.series(Meters.RESTORE_TEST_LAST_SUCCESS.name(),
                        Meters.RESTORE_TEST_LAST_SUCCESS.labels(), t.account(), t.region(), t.name()))
                        .millisAsSeconds(restored.get().toEpochMilli()).newline();
            }
        }
        return new Region(Chunk.of(rpo.toByteArray()), Chunk.of(restore.toByteArray()),
                prefixes.toArray(byte[][]::new), points.stream().mapToLong(Long::longValue).toArray());
    }

    private static byte[] agePrefix(TableRef t, String source) {
        return TextBuffer.series(Meters.RECOVERY_POINT_AGE.name(), Meters.RECOVERY_POINT_AGE.labels(), t.account(),
                t.region(), t.name(), source).getBytes(StandardCharsets.UTF_8);
    }
}
