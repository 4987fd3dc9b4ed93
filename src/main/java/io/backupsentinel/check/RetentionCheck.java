package io.backupsentinel.check;

import io.backupsentinel.model.Durations;
import io.backupsentinel.model.FactKind;
import io.backupsentinel.model.OnDemandBackup;
import io.backupsentinel.model.RecoveryPoint;
import io.backupsentinel.model.RecoverySource;
import io.backupsentinel.model.TableFacts;
import io.backupsentinel.model.TimeMath;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code retention}: every restorable backup of the table is kept at least min_retention and at most
 * max_retention, and at least min_count of them exist.
 */
public final class RetentionCheck implements Check<RetentionCheck.P> {
    static final List<String> SOURCES = List.of(RecoverySource.ON_DEMAND.label(), RecoverySource.AWS_BACKUP.label());

    /** @param expected the findings' {@code expected}, made once per binding */
    public record P(Optional<Duration> minRetention, Optional<Duration> maxRetention, Optional<Long> minCount,
                    List<RecoverySource> sources, String expected) {
        public P(Optional<Duration> minRetention, Optional<Duration> maxRetention, Optional<Long> minCount,
                 List<RecoverySource> sources) {
            this(minRetention, maxRetention, minCount, sources, RetentionCheck.expected(minRetention, maxRetention, minCount, sources));
        }
    }

    /** One restorable backup and how long it is kept after it was made; {@code keptFor} null = forever. */
    record Kept(String id, String kind, Duration keptFor) {
        String keptText() {
            return keptFor == null ? "forever" : Durations.format(keptFor);
        }
    }

    private static final CheckSpec SPEC = new CheckSpec("retention",
            "Judges how long the table's restorable backups are kept. An AWS Backup recovery point (COMPLETED or "
                    + "AVAILABLE) is kept for its Lifecycle DeleteAfterDays, or until CalculatedLifecycle.DeleteAt; an "
                    + "AVAILABLE on-demand backup until its BackupExpiryDateTime; with neither, forever. Every such "
                    + "backup must be kept at least min_retention and at most max_retention, and at least min_count "
                    + "of them must exist. COMPLIANT when all given limits hold; NON_COMPLIANT naming the backup that "
                    + "breaks a limit, or when min_retention/min_count ask for backups and there are none; UNKNOWN "
                    + "when the backups of a chosen source could not be listed and the known ones break no limit. "
                    + "Give at least one of min_retention, max_retention and min_count.",
            List.of(ParamSpec.optional("min_retention", ParamType.DURATION, null,
                            "Shortest time each backup must be kept, e.g. 35d."),
                    ParamSpec.optional("max_retention", ParamType.DURATION, null,
                            "Longest time any backup may be kept (data-minimisation rules), e.g. 400d."),
                    ParamSpec.optional("min_count", ParamType.INTEGER, null,
                            "Fewest restorable backups that must exist.").between(0L, null),
                    ParamSpec.optional("sources", ParamType.ENUM_LIST, SOURCES,
                            "Which backups are judged: on_demand, aws_backup; default both.").allowing(SOURCES)),
            IamActions.of(IamActions.ON_DEMAND_BACKUPS, IamActions.RECOVERY_POINTS),
            Set.of(FactKind.ON_DEMAND_BACKUPS, FactKind.RECOVERY_POINTS),
            """
            - name: keep-35-days
              description: Production backups are kept at least 35 days and no longer than 400, at least 7 of them.
              check: retention
              severity: medium
              scope:
                tags: {env: prod}
              params: {min_retention: 35d, max_retention: 400d, min_count: 7, sources: [aws_backup]}
            """);

    @Override
    public CheckSpec spec() {
        return SPEC;
    }

    @Override
    public P bind(Params params) {
        Optional<Duration> min = ParamValues.optionalDuration(params, "min_retention");
        Optional<Duration> max = ParamValues.optionalDuration(params, "max_retention");
        Optional<Long> count = ParamValues.optionalInteger(params, "min_count");
        if (min.isEmpty() && max.isEmpty() && count.isEmpty()) {
            throw new IllegalArgumentException("give at least one of min_retention, max_retention, min_count");
        }
        if (count.isPresent() && count.get() < 0) {
            throw new IllegalArgumentException("min_count must be 0 or more, not " + count.get());
        }
        ParamValues.requireOrdered(min, "min_retention", max, "max_retention");
        List<RecoverySource> sources = ParamValues.list(params, "sources", SOURCES).stream()
                .map(RecoverySource::fromLabel).distinct().toList();
        if (sources.isEmpty() || sources.stream().anyMatch(s -> !SOURCES.contains(s.label()))) {
            throw new IllegalArgumentException("sources must be a non-empty list of " + String.join(", ", SOURCES));
        }
        return new P(min, max, count, sources);
    }

    /**
     * Every restorable backup of the chosen sources that AWS still keeps: one kept too long is older than
     * max_retention by definition, min_count counts them all, and "none kept" needs them all too. AWS deletes
     * expired backups, so on a compliant fleet this lists no more than a max_retention bound would. Only the
     * chosen sources are read; no job listing is.
     */
    @Override
    public Map<FactKind, Duration> lookbacks(P p) {
        Map<FactKind, Duration> needed = new EnumMap<>(FactKind.class);
        if (p.sources().contains(RecoverySource.AWS_BACKUP)) {
            needed.put(FactKind.RECOVERY_POINTS, Lookbacks.ALL_RETAINED);
        }
        if (p.sources().contains(RecoverySource.ON_DEMAND)) {
            needed.put(FactKind.ON_DEMAND_BACKUPS, Lookbacks.ALL_RETAINED);
        }
        return Lookbacks.of(SPEC.facts(), needed);
    }

    @Override
    public Outcome evaluate(TableFacts facts, P p, Instant now) {
        String expected = p.expected();
        List<String> unknown = new ArrayList<>();
        Map<String, Kept> kept = new LinkedHashMap<>(); // by ARN: AWS Backup's DynamoDB backups also show in ListBackups
        if (p.sources().contains(RecoverySource.AWS_BACKUP)) {
            if (facts.recoveryPoints().known()) {
                RecoveryPoints.ofTable(facts, facts.recoveryPoints().value()).stream().filter(RecoveryPoint::restorable)
                        .forEach(rp -> kept.put(rp.arn(), new Kept(rp.arn(), "recovery point in " + rp.vaultName(),
                                keptFor(rp))));
            } else {
                unknown.add("AWS Backup recovery points unknown: " + facts.recoveryPoints().cause());
            }
        }
        if (p.sources().contains(RecoverySource.ON_DEMAND)) {
            if (facts.onDemandBackups().known()) {
                facts.onDemandBackups().value().stream().filter(OnDemandBackup::available)
                        .forEach(b -> kept.putIfAbsent(b.arn(), new Kept(b.arn(), "on-demand backup " + b.name(),
                                b.expiry() == null ? null : Duration.between(b.created(), b.expiry()))));
            } else {
                unknown.add("on-demand backups unknown: " + facts.onDemandBackups().cause());
            }
        }
        List<Kept> all = List.copyOf(kept.values());
        String observed = observed(all);
        List<String> problems = new ArrayList<>();
        p.minRetention().ifPresent(min -> all.stream()
                .filter(k -> k.keptFor() != null && k.keptFor().compareTo(min) < 0)
                .min(Comparator.comparing(Kept::keptFor))
                .ifPresent(k -> problems.add(count(all, k2 -> k2.keptFor() != null && k2.keptFor().compareTo(min) < 0)
                        + " kept under " + Durations.format(min) + ", e.g. " + k.kind() + " kept " + k.keptText()
                        + " (" + k.id() + "). Raise DeleteAfterDays in the backup plan rule (or the backup's expiry)"
                        + " to at least " + min.toDays() + " days.")));
        p.maxRetention().ifPresent(max -> all.stream()
                .filter(k -> k.keptFor() == null || k.keptFor().compareTo(max) > 0)
                .findFirst()
                .ifPresent(k -> problems.add(count(all, k2 -> k2.keptFor() == null || k2.keptFor().compareTo(max) > 0)
                        + " kept over " + Durations.format(max) + ", e.g. " + k.kind() + " kept " + k.keptText()
                        + " (" + k.id() + "). Set a lifecycle (DeleteAfterDays ≤ " + max.toDays()
                        + ") or delete backups older than that.")));
        long needed = p.minCount().orElse(0L);
        // Backups of a source that could not be listed might make up the count: only a full count proves a shortfall.
        if (all.size() < needed && unknown.isEmpty()) {
            problems.add("Only " + all.size() + " restorable backup(s), at least " + needed + " required; check that "
                    + "backups run (backup_jobs) and are not deleted early.");
        }
        boolean asksForBackups = p.minRetention().isPresent() || needed > 0;
        if (all.isEmpty() && asksForBackups && unknown.isEmpty() && problems.isEmpty()) {
            problems.add("The table has no restorable backup from " + labels(p.sources()) + ", so nothing is retained; add it "
                    + "to a backup plan.");
        }
        if (!problems.isEmpty()) {
            return Outcome.nonCompliant(observed, expected, String.join(" ", problems));
        }
        if (!unknown.isEmpty()) {
            return Outcome.partlyUnknown(observed, expected, "The backups that could be read break no limit, but "
                    + String.join("; ", unknown));
        }
        return Outcome.compliant(observed, expected, "Every restorable backup is kept within the limits.");
    }

    private static Duration keptFor(RecoveryPoint rp) {
        if (rp.deleteAfterDays() != null) {
            return TimeMath.days(rp.deleteAfterDays());
        }
        if (rp.deleteAt() != null && rp.created() != null) {
            return Duration.between(rp.created(), rp.deleteAt());
        }
        return null;
    }

    private static String count(List<Kept> all, java.util.function.Predicate<Kept> which) {
        long n = all.stream().filter(which).count();
        return n + " of " + all.size() + " backup" + (all.size() == 1 ? " is" : "s are");
    }

    private static String observed(List<Kept> all) {
        if (all.isEmpty()) {
            return "no restorable backups";
        }
        Optional<Duration> shortest = all.stream().map(Kept::keptFor).filter(d -> d != null).min(Comparator.naturalOrder());
        boolean forever = all.stream().anyMatch(k -> k.keptFor() == null);
        Optional<Duration> longest = all.stream().map(Kept::keptFor).filter(d -> d != null).max(Comparator.naturalOrder());
        return all.size() + " restorable backup" + (all.size() == 1 ? "" : "s") + ", kept "
                + shortest.map(Durations::format).orElse("forever") + " to "
                + (forever ? "forever" : longest.map(Durations::format).orElseThrow());
    }

    private static String expected(Optional<Duration> min, Optional<Duration> max, Optional<Long> count,
                                   List<RecoverySource> sources) {
        List<String> parts = new ArrayList<>();
        min.ifPresent(d -> parts.add("kept ≥ " + Durations.format(d)));
        max.ifPresent(d -> parts.add("kept ≤ " + Durations.format(d)));
        count.ifPresent(n -> parts.add("≥ " + n + " restorable"));
        return String.join(", ", parts) + " (" + labels(sources) + ")";
    }

    private static String labels(List<RecoverySource> sources) {
        return sources.stream().map(RecoverySource::label).collect(Collectors.joining(", "));
    }
}
