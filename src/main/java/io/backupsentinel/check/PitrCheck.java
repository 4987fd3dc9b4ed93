package io.backupsentinel.check;

import io.backupsentinel.model.Durations;
import io.backupsentinel.model.FactKind;
import io.backupsentinel.model.PitrState;
import io.backupsentinel.model.TableFacts;
import io.backupsentinel.model.TableRef;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code pitr}: point-in-time recovery is on, keeps enough days, and is not stuck behind. */
public final class PitrCheck implements Check<PitrCheck.P> {
    /** AWS's default and maximum recovery period; an enabled table that reports none has it. */
    static final int AWS_DEFAULT_PERIOD_DAYS = 35;

    /**
     * @param minRecoveryPeriodDays whole days, 1..35
     * @param expected the findings' {@code expected}, made once per binding
     */
    public record P(int minRecoveryPeriodDays, Duration maxLag, String expected) {
        public P(int minRecoveryPeriodDays, Duration maxLag) {
            this(minRecoveryPeriodDays, maxLag, "PITR enabled, period ≥ " + minRecoveryPeriodDays + "d, lag ≤ "
                    + Durations.format(maxLag));
        }
    }

    private static final CheckSpec SPEC = new CheckSpec("pitr",
            "Judges DynamoDB point-in-time recovery (PITR) from DescribeContinuousBackups: it must be ENABLED, "
                    + "its RecoveryPeriodInDays must be at least min_recovery_period, and LatestRestorableDateTime "
                    + "must be no more than max_lag behind now (AWS keeps it about 5 minutes behind; a larger lag "
                    + "means PITR is stuck). COMPLIANT when all three hold; NON_COMPLIANT when PITR is off, the "
                    + "period is too short or the lag too large, with the AWS CLI command that fixes the setting; "
                    + "UNKNOWN when DescribeContinuousBackups failed (e.g. throttled or denied) or PITR is on but "
                    + "AWS reported no latest restorable time.",
            List.of(ParamSpec.optional("min_recovery_period", ParamType.DURATION, "35d",
                            "Shortest acceptable recovery period, whole days from 1d to 35d."),
                    ParamSpec.optional("max_lag", ParamType.DURATION, "15m",
                            "Longest acceptable gap between now and LatestRestorableDateTime.")),
            IamActions.PITR,
            Set.of(FactKind.PITR),
            """
            - name: prod-pitr
              description: Production tables can be restored to any second of the last 35 days.
              check: pitr
              severity: high
              scope:
                tags: {env: prod}
              params: {min_recovery_period: 35d, max_lag: 15m}
            """);

    @Override
    public CheckSpec spec() {
        return SPEC;
    }

    @Override
    public P bind(Params params) {
        Duration period = ParamValues.duration(params, "min_recovery_period", Duration.ofDays(AWS_DEFAULT_PERIOD_DAYS));
        if (!period.equals(Duration.ofDays(period.toDays())) || period.toDays() < 1 || period.toDays() > 35) {
            throw new IllegalArgumentException("min_recovery_period must be whole days from 1d to 35d (AWS's"
                    + " RecoveryPeriodInDays), not " + Durations.format(period));
        }
        return new P((int) period.toDays(), ParamValues.duration(params, "max_lag", Duration.ofMinutes(15)));
    }

    /** PITR is a current state: no history is read. */
    @Override
    public Map<FactKind, Duration> lookbacks(P p) {
        return Lookbacks.of(SPEC.facts(), Map.of(FactKind.PITR, Duration.ZERO));
    }

    @Override
    public Outcome evaluate(TableFacts facts, P p, Instant now) {
        String expected = p.expected();
        if (!facts.pitr().known()) {
            return Outcome.unknown(expected, "PITR status unknown: " + facts.pitr().cause());
        }
        PitrState pitr = facts.pitr().value();
        TableRef t = facts.table();
        String fix = "aws dynamodb update-continuous-backups --region " + t.region() + " --table-name " + t.name()
                + " --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true,RecoveryPeriodInDays="
                + p.minRecoveryPeriodDays();
        if (!pitr.enabled()) {
            return Outcome.nonCompliant("PITR disabled", expected,
                    "Point-in-time recovery is off, so the table cannot be restored to a recent second; enable it: "
                            + fix);
        }
        int period = pitr.recoveryPeriodDays() == null ? AWS_DEFAULT_PERIOD_DAYS : pitr.recoveryPeriodDays();
        String periodText = "period " + period + "d" + (pitr.recoveryPeriodDays() == null ? " (AWS default)" : "");
        List<String> problems = new ArrayList<>();
        if (period < p.minRecoveryPeriodDays()) {
            problems.add("Recovery period is " + period + " days; raise it: " + fix);
        }
        if (pitr.latestRestorable() == null) {
            String observed = "PITR enabled, " + periodText + ", no latest restorable time";
            return problems.isEmpty()
                    ? Outcome.partlyUnknown(observed, expected, "PITR is enabled but AWS reported no "
                            + "LatestRestorableDateTime (PITR may still be starting); the lag cannot be judged")
                    : Outcome.nonCompliant(observed, expected, String.join(" ", problems));
        }
        Duration lag = Duration.between(pitr.latestRestorable(), now);
        lag = lag.isNegative() ? Duration.ZERO : lag;
        if (lag.compareTo(p.maxLag()) > 0) {
            problems.add("Latest restorable time is " + Durations.format(lag) + " behind (limit "
                    + Durations.format(p.maxLag()) + "): PITR is not keeping up. Check the table and AWS Health for "
                    + t.region() + "; if it does not catch up, open an AWS Support case, and meanwhile take an "
                    + "on-demand backup: aws dynamodb create-backup --region " + t.region() + " --table-name "
                    + t.name() + " --backup-name " + t.name() + "-manual");
        }
        String observed = "PITR enabled, " + periodText + ", latest restorable " + Durations.format(lag) + " ago";
        if (!problems.isEmpty()) {
            return Outcome.nonCompliant(observed, expected, String.join(" ", problems));
        }
        return Outcome.compliant(observed, expected, "PITR is on with a " + period
                + "-day window and is current.");
    }
}
