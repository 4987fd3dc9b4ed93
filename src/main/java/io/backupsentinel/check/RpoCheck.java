package io.backupsentinel.check;

import io.backupsentinel.check.RecoveryPoints.Newest;
import io.backupsentinel.model.Durations;
import io.backupsentinel.model.TimeMath;
import io.backupsentinel.model.FactKind;
import io.backupsentinel.model.RecoverySource;
import io.backupsentinel.model.TableFacts;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code rpo}: the table can be restored to a point no older than max_age, from whichever source is youngest.
 * A source whose facts are missing cannot prove a breach, but a known source that already meets max_age
 * proves compliance on its own.
 */
public final class RpoCheck implements Check<RpoCheck.P> {
    static final List<String> ALL_SOURCES = Arrays.stream(RecoverySource.values()).map(RecoverySource::label).toList();

    /** @param expected the findings' {@code expected}, made once per binding */
    public record P(Duration maxAge, List<RecoverySource> sources, List<String> vaults, String expected) {
        public P(Duration maxAge, List<RecoverySource> sources, List<String> vaults) {
            this(maxAge, sources, vaults, "newest restorable point ≤ " + Durations.format(maxAge) + " old ("
                    + sources.stream().map(RecoverySource::label).collect(Collectors.joining(", "))
                    + (vaults.isEmpty() ? "" : "; vaults " + String.join(", ", vaults)) + ")");
        }
    }

    private static final CheckSpec SPEC = new CheckSpec("rpo",
            "Judges the recovery point objective: the age of the newest restorable point across the chosen "
                    + "sources must be at most max_age. Sources are pitr (now − LatestRestorableDateTime while PITR is "
                    + "enabled), on_demand (newest AVAILABLE DynamoDB backup), aws_backup (newest COMPLETED or "
                    + "AVAILABLE recovery point in a vault matching vaults) and export (ExportTime of the newest "
                    + "COMPLETED export to S3); the youngest of them is the effective age, and observed lists every "
                    + "source's age. COMPLIANT when the effective age is within max_age (even if another source "
                    + "could not be read: the table is recoverable in time); NON_COMPLIANT when every source was read "
                    + "and none has a recent enough point, or none at all; UNKNOWN when no known source meets "
                    + "max_age and a source could not be read, so a breach cannot be proved.",
            List.of(ParamSpec.required("max_age", ParamType.DURATION,
                            "Oldest acceptable age of the newest restorable point (the RPO), e.g. 1h."),
                    ParamSpec.optional("sources", ParamType.ENUM_LIST, ALL_SOURCES,
                            "Recovery sources that count; default all four.").allowing(ALL_SOURCES),
                    ParamSpec.optional("vaults", ParamType.STRING_LIST, null,
                            "Globs of backup vault names whose recovery points count for aws_backup; default any.")),
            IamActions.of(IamActions.PITR, IamActions.ON_DEMAND_BACKUPS, IamActions.RECOVERY_POINTS,
                    IamActions.EXPORTS),
            Set.of(FactKind.PITR, FactKind.ON_DEMAND_BACKUPS, FactKind.RECOVERY_POINTS, FactKind.EXPORTS),
            """
            - name: prod-rpo
              description: Production tables can be restored to a point no older than one hour.
              check: rpo
              severity: critical
              owner: platform-sre
              frameworks: ["ISO27001:A.8.13", "SOC2:A1.2"]
              schedule: {every: 5m}
              scope:
                tags: {env: prod}
              params:
                max_age: 1h
                sources: [pitr, aws_backup]
                vaults: ["prod-*"]
            """);

    @Override
    public CheckSpec spec() {
        return SPEC;
    }

    @Override
    public P bind(Params params) {
        List<RecoverySource> sources = ParamValues.list(params, "sources", ALL_SOURCES).stream()
                .map(RecoverySource::fromLabel).distinct().toList();
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("sources must name at least one of " + String.join(", ", ALL_SOURCES));
        }
        return new P(ParamValues.requiredDuration(params, "max_age"), sources,
                ParamValues.list(params, "vaults", List.of()));
    }

    /**
     * Only a point younger than max_age can meet the RPO, so the listings of the chosen sources reach back
     * max_age (the collector adds a margin to show how old the newest older point is); PITR is a current state.
     * A source not chosen is not read.
     */
    @Override
    public Map<FactKind, Duration> lookbacks(P p) {
        Map<FactKind, Duration> needed = new EnumMap<>(FactKind.class);
        for (RecoverySource s : p.sources()) {
            switch (s) {
                case ON_DEMAND -> needed.put(FactKind.ON_DEMAND_BACKUPS, p.maxAge());
                case AWS_BACKUP -> needed.put(FactKind.RECOVERY_POINTS, p.maxAge());
                case EXPORT -> needed.put(FactKind.EXPORTS, p.maxAge());
                case PITR -> needed.put(FactKind.PITR, Duration.ZERO);
            }
        }
        return Lookbacks.of(SPEC.facts(), needed);
    }

    @Override
    public Outcome evaluate(TableFacts facts, P p, Instant now) {
        String expected = p.expected();
        Map<RecoverySource, Newest> newest = RecoveryPoints.newestPerSource(facts, p.sources(), p.vaults());
        String perSource = newest.values().stream().map(n -> n.describe(now)).collect(Collectors.joining(" "));
        List<Newest> unknown = newest.values().stream().filter(n -> !n.known()).toList();
        String unknownCauses = unknown.stream().map(Newest::cause).collect(Collectors.joining("; "));
        Optional<Newest> youngest = RecoveryPoints.youngest(newest.values());
        if (youngest.isEmpty()) {
            String observed = "no restorable point; " + perSource;
            if (!unknown.isEmpty()) {
                return Outcome.partlyUnknown(observed, expected, "No restorable point among the sources that could "
                        + "be read, and the others are unknown, so the RPO cannot be judged: " + unknownCauses);
            }
            // Backups are listed back to max_age and a little more, not forever: older ones may exist.
            return Outcome.nonCompliant(observed, expected, "The table has no restorable point from "
                    + labels(p) + " within the last " + Durations.format(p.maxAge()) + " (older backups are not"
                    + " listed): it cannot be restored to a point within the RPO. Enable PITR (aws dynamodb "
                    + "update-continuous-backups --table-name " + facts.table().name() + " "
                    + "--point-in-time-recovery-specification PointInTimeRecoveryEnabled=true) or add it to a backup plan.");
        }
        Newest best = youngest.get();
        Duration age = best.age(now).orElseThrow();
        String observed = "effective " + Durations.format(age) + " (" + best.source().label() + "); " + perSource;
        if (age.compareTo(p.maxAge()) <= 0) {
            String note = unknown.isEmpty() ? "" : " Not read, but not needed to prove it: " + unknownCauses + ".";
            // The verdict turns the first instant the youngest point is older than max_age: the RPO deadline.
            return Outcome.compliant(observed, expected, "Restorable to " + Durations.format(age) + " ago from "
                    + best.source().label() + where(best) + "." + note)
                    .changingAt(TimeMath.plus(best.at(), p.maxAge()).plusMillis(1));
        }
        if (!unknown.isEmpty()) {
            return Outcome.partlyUnknown(observed, expected, "The newest known point is " + Durations.format(age)
                    + " old, over the RPO of " + Durations.format(p.maxAge()) + ", but a source that might be "
                    + "younger could not be read: " + unknownCauses);
        }
        return Outcome.nonCompliant(observed, expected, "RPO breached: the newest restorable point is "
                + Durations.format(age) + " old (" + best.source().label() + where(best) + "), over "
                + Durations.format(p.maxAge()) + ". Find out why backups stopped (failed backup jobs, a disabled plan, "
                + "PITR off) and take a backup now: aws dynamodb create-backup --region " + facts.table().region()
                + " --table-name " + facts.table().name() + " --backup-name " + facts.table().name() + "-manual");
    }

    private static String labels(P p) {
        return p.sources().stream().map(RecoverySource::label).collect(Collectors.joining(", "));
    }

    private static String where(Newest n) {
        return n.where() == null || n.where().isEmpty() || n.source() == RecoverySource.PITR ? "" : ", " + n.where();
    }
}
