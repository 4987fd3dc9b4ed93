package io.backupsentinel.check;

import io.backupsentinel.model.Durations;
import io.backupsentinel.model.ExportRecord;
import io.backupsentinel.model.Fact;
import io.backupsentinel.model.OnDemandBackup;
import io.backupsentinel.model.PitrState;
import io.backupsentinel.model.RecoveryPoint;
import io.backupsentinel.model.RecoverySource;
import io.backupsentinel.model.TableFacts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The newest restorable point of a table per recovery source. Used by the {@code rpo} check and by the
 * metrics layer for {@code backup_sentinel_recovery_point_age_seconds{source}}: it returns instants, not
 * ages, so that an age can be recomputed as the clock moves without new facts.
 * <ul>
 * <li>{@code pitr}: LatestRestorableDateTime, only while PITR is enabled;</li>
 * <li>{@code on_demand}: the newest AVAILABLE DynamoDB backup of any type, by creation time;</li>
 * <li>{@code aws_backup}: the newest COMPLETED or AVAILABLE recovery point of the table in a vault that
 * matches the vault globs, by creation time (the moment the data was read);</li>
 * <li>{@code export}: the ExportTime of the newest COMPLETED export.</li>
 * </ul>
 */
public final class RecoveryPoints {
    private RecoveryPoints() {
    }

    /**
     * The newest point of one source: {@code at} is null when there is none, {@code cause} is set when the
     * fact behind the source could not be collected. {@code where} says which backup it is, e.g. the vault.
     */
    public record Newest(RecoverySource source, Instant at, String where, String cause) {
        public boolean known() {
            return cause == null;
        }

        public boolean exists() {
            return known() && at != null;
        }

        /** now − at, never negative; empty when there is no point or it is unknown. */
        public Optional<Duration> age(Instant now) {
            if (!exists()) {
                return Optional.empty();
            }
            Duration d = Duration.between(at, now);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        }

        /** e.g. "aws_backup=40m", "export=none", "pitr=unknown". */
        public String describe(Instant now) {
            String value = !known() ? "unknown" : at == null ? "none" : Durations.format(age(now).orElseThrow());
            return source.label() + "=" + value;
        }
    }

    /** The newest point of each of {@code sources}, in {@link RecoverySource} order. */
    public static Map<RecoverySource, Newest> newestPerSource(TableFacts facts, Collection<RecoverySource> sources,
                                                              List<String> vaultGlobs) {
        Map<RecoverySource, Newest> out = new EnumMap<>(RecoverySource.class);
        for (RecoverySource s : sources) {
            out.put(s, switch (s) {
                case PITR -> pitr(facts.pitr());
                case ON_DEMAND -> newest(s, facts.onDemandBackups(), "on-demand backups",
                        b -> b.available() ? b.created() : null, OnDemandBackup::name);
                case AWS_BACKUP -> newest(s, facts.recoveryPoints().map(rps -> ofTable(facts, rps)),
                        "AWS Backup recovery points",
                        rp -> rp.restorable() && Globs.matchesAnyOrNone(vaultGlobs, rp.vaultName())
                                ? rp.created() : null,
                        RecoveryPoint::vaultName);
                case EXPORT -> newest(s, facts.exports(), "exports",
                        e -> e.completed() ? e.exportTime() : null, ExportRecord::s3Bucket);
            });
        }
        return out;
    }

    /**
     * The time of the newest point of every source that has one, AWS Backup points from any vault; sources
     * without a point or with unknown facts are absent. For {@code backup_sentinel_recovery_point_age_seconds}.
     */
    public static Map<RecoverySource, Instant> newestInstants(TableFacts facts) {
        Map<RecoverySource, Instant> out = new EnumMap<>(RecoverySource.class);
        newestPerSource(facts, List.of(RecoverySource.values()), List.of()).forEach((s, n) -> {
            if (n.exists()) {
                out.put(s, n.at());
            }
        });
        return out;
    }

    /** The youngest existing point among {@code newest}; empty when none exists. */
    public static Optional<Newest> youngest(Collection<Newest> newest) {
        Newest best = null;
        for (Newest n : newest) {
            // Strictly younger replaces, so of equal instants the first wins, as Stream.max would keep it.
            if (n.exists() && (best == null || n.at().compareTo(best.at()) > 0)) {
                best = n;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The recovery points of the table itself: the collector lists by resource, but a vault listing may mix. */
    static List<RecoveryPoint> ofTable(TableFacts facts, List<RecoveryPoint> points) {
        String arn = facts.table().arn();
        List<RecoveryPoint> out = null;
        for (int i = 0; i < points.size(); i++) {
            RecoveryPoint rp = points.get(i);
            boolean own = rp.resourceArn() == null || rp.resourceArn().equals(arn);
            if (!own && out == null) {
                out = new ArrayList<>(points.subList(0, i));
            } else if (own && out != null) {
                out.add(rp);
            }
        }
        // Usually every point is the table's own (the collector groups by resource): no copy then.
        return Collections.unmodifiableList(out == null ? points : out);
    }

    private static Newest pitr(Fact<PitrState> fact) {
        if (!fact.known()) {
            return new Newest(RecoverySource.PITR, null, null, "PITR status unknown: " + fact.cause());
        }
        PitrState p = fact.value();
        return new Newest(RecoverySource.PITR, p.enabled() ? p.latestRestorable() : null, "PITR", null);
    }

    private static <T> Newest newest(RecoverySource source, Fact<List<T>> fact, String what,
                                     Function<T, Instant> restorableAt, Function<T, String> where) {
        if (!fact.known()) {
            return new Newest(source, null, null, what + " unknown: " + fact.cause());
        }
        T best = null;
        Instant bestAt = null;
        for (T t : fact.value()) {
            Instant at = restorableAt.apply(t);
            // Strictly newer replaces: of equal instants the first wins, as it did with Stream.max.
            if (at != null && (bestAt == null || at.compareTo(bestAt) > 0)) {
                best = t;
                bestAt = at;
            }
        }
        return best == null ? new Newest(source, null, null, null)
                : new Newest(source, bestAt, Objects.toString(where.apply(best), ""), null);
    }
}
