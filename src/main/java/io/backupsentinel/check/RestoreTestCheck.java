package io.backupsentinel.check;

import io.backupsentinel.model.Durations;
import io.backupsentinel.model.TimeMath;
import io.backupsentinel.model.FactKind;
import io.backupsentinel.model.RestoreJob;
import io.backupsentinel.model.TableFacts;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code restore_test}: a restore of the table recently completed AND passed validation, fast enough for the
 * RTO. A backup that was never restored is a hope, not a backup.
 */
public final class RestoreTestCheck implements Check<RestoreTestCheck.P> {
    /** @param expected the findings' {@code expected}, made once per binding */
    public record P(Duration maxAge, Optional<Duration> rto, boolean restoreTestingOnly, String expected) {
        public P(Duration maxAge, Optional<Duration> rto, boolean restoreTestingOnly) {
            this(maxAge, rto, restoreTestingOnly, "validated restore ≤ " + Durations.format(maxAge) + " old"
                    + rto.map(d -> ", took ≤ " + Durations.format(d)).orElse("")
                    + (restoreTestingOnly ? ", by restore testing" : ""));
        }
    }

    private static final CheckSpec SPEC = new CheckSpec("restore_test",
            "Judges restore tests. A restore job of the table (linked by SourceResourceArn, or by its recovery "
                    + "point) must have COMPLETED with ValidationStatus SUCCESSFUL within max_age, and, when rto is "
                    + "given, the newest such restore must have taken at most rto (CompletionDate − CreationDate). "
                    + "With restore_testing_only, only jobs started by AWS Backup restore testing count. A completed "
                    + "restore that was never validated, or is still VALIDATING, is not a success. COMPLIANT when a "
                    + "recent validated restore exists within the RTO (a newer FAILED or TIMED_OUT validation is "
                    + "still reported); NON_COMPLIANT when none exists, naming the newest failed validation with AWS's "
                    + "ValidationStatusMessage, or when the restore took longer than rto; UNKNOWN when restore jobs "
                    + "could not be listed, or some could not be linked to a table because recovery points are unknown.",
            List.of(ParamSpec.required("max_age", ParamType.DURATION,
                            "Oldest acceptable completion time of the newest validated restore, e.g. 7d."),
                    ParamSpec.optional("rto", ParamType.DURATION, null,
                            "Longest acceptable restore duration (recovery time objective), e.g. 1h."),
                    ParamSpec.optional("restore_testing_only", ParamType.BOOLEAN, false,
                            "Count only restores started by an AWS Backup restore testing plan.")),
            IamActions.of(IamActions.RESTORE_JOBS, IamActions.RECOVERY_POINTS),
            Set.of(FactKind.RESTORE_JOBS, FactKind.RECOVERY_POINTS),
            """
            - name: restore-tested
              description: Gold tables were restored and validated within the last week, in under an hour.
              check: restore_test
              severity: high
              frameworks: ["ISO27001:A.8.13"]
              scope:
                tags: {backup-tier: gold}
              params: {max_age: 7d, rto: 1h, restore_testing_only: true}
            """);

    @Override
    public CheckSpec spec() {
        return SPEC;
    }

    @Override
    public P bind(Params params) {
        return new P(ParamValues.requiredDuration(params, "max_age"), ParamValues.optionalDuration(params, "rto"),
                ParamValues.bool(params, "restore_testing_only", false));
    }

    /**
     * Restore jobs back to max_age (only a restore that recent counts); every recovery point AWS still keeps,
     * since a job without SourceResourceArn is linked to the table through the point it restored, and a recent
     * restore test may well restore an old point.
     */
    @Override
    public Map<FactKind, Duration> lookbacks(P p) {
        return Lookbacks.of(SPEC.facts(), Map.of(FactKind.RESTORE_JOBS, p.maxAge(),
                FactKind.RECOVERY_POINTS, Lookbacks.ALL_RETAINED));
    }

    @Override
    public Outcome evaluate(TableFacts facts, P p, Instant now) {
        String expected = p.expected();
        if (!facts.restoreJobs().known()) {
            return Outcome.unknown(expected, "Restore jobs unknown: " + facts.restoreJobs().cause());
        }
        RestoreJobs linked = RestoreJobs.of(facts);
        List<RestoreJob> jobs = linked.jobs().stream()
                .filter(j -> !p.restoreTestingOnly() || j.restoreTestingPlanArn() != null).toList();
        Optional<RestoreJob> success = jobs.stream().filter(RestoreTestCheck::validated)
                .max(Comparator.comparing(RestoreJobs::when));
        Optional<RestoreJob> newerFailure = jobs.stream()
                .filter(j -> "FAILED".equals(j.validationStatus()) || "TIMED_OUT".equals(j.validationStatus()))
                .filter(j -> success.isEmpty() || RestoreJobs.when(j).isAfter(RestoreJobs.when(success.get())))
                .max(Comparator.comparing(RestoreJobs::when));
        String failure = newerFailure.map(j -> " Restore " + j.id() + " " + Ages.ago(RestoreJobs.when(j), now)
                + " failed validation (" + j.validationStatus() + "): " + j.validationStatusMessage() + ".").orElse("");
        if (success.isPresent() && Ages.within(RestoreJobs.when(success.get()), now, p.maxAge())) {
            RestoreJob s = success.get();
            Duration took = s.created() == null || s.completed() == null ? null : Duration.between(s.created(), s.completed());
            String observed = "validated restore " + Ages.ago(RestoreJobs.when(s), now)
                    + (took == null ? "" : ", took " + Durations.format(took)) + plan(s)
                    + newerFailure.map(j -> "; newer validation " + j.validationStatus()).orElse("");
            if (p.rto().isPresent() && (took == null || took.compareTo(p.rto().get()) > 0)) {
                return Outcome.nonCompliant(observed, expected, took == null
                        ? "The restore's duration is unknown (no creation or completion time), so the RTO is not shown to hold."
                        : "The newest validated restore took " + Durations.format(took) + ", over the RTO of "
                        + Durations.format(p.rto().get()) + ". Restore faster (smaller table, restore into a "
                        + "pre-provisioned capacity mode) or revisit the RTO.");
            }
            // The verdict turns when this validated restore grows older than max_age.
            return Outcome.compliant(observed, expected, "Restore " + s.id() + " passed validation." + failure)
                    .changingAt(TimeMath.plus(RestoreJobs.when(s), p.maxAge()).plusMillis(1));
        }
        if (linked.unlinked() > 0) {
            return Outcome.partlyUnknown("no validated restore within " + Durations.format(p.maxAge()) + " among "
                    + jobs.size() + " linked jobs", expected, linked.unlinked() + " restore job(s) have no "
                    + "SourceResourceArn and the table's recovery points are unknown (" + facts.recoveryPoints().cause()
                    + "), so they could be this table's.");
        }
        Optional<RestoreJob> newest = jobs.stream().max(Comparator.comparing(RestoreJobs::when));
        String observed = success.map(s -> "last validated restore " + Ages.ago(RestoreJobs.when(s), now))
                .orElse(jobs.isEmpty() ? "no restore job" : "no validated restore")
                + newest.map(j -> "; newest job " + j.id() + " " + j.status()
                + (j.validationStatus() == null ? ", not validated" : ", validation " + j.validationStatus())
                + " " + Ages.ago(RestoreJobs.when(j), now)).orElse("");
        String what = newest.filter(j -> !"COMPLETED".equals(j.status()))
                .map(j -> " Newest restore " + j.id() + " is " + j.status()
                        + (j.statusMessage() == null ? "" : ": " + j.statusMessage()) + ".")
                .or(() -> newest.filter(j -> j.validationStatus() == null || "VALIDATING".equals(j.validationStatus()))
                        .map(j -> " Newest restore " + j.id() + " completed but "
                                + (j.validationStatus() == null ? "was never validated; report a result with "
                                + "aws backup put-restore-validation-result." : "is still validating.")))
                .orElse("");
        return Outcome.nonCompliant(observed, expected, "No restore of this table passed validation in the last "
                + Durations.format(p.maxAge()) + "." + failure + what + " Run a restore test (an AWS Backup restore "
                + "testing plan with a validation step) and fix what fails.");
    }

    /**
     * When the newest restore of the table that passed validation finished, by this check's definition;
     * empty when there is none or restore jobs are unknown. For {@code backup_sentinel_restore_test_*}.
     */
    public static Optional<Instant> lastValidatedRestore(TableFacts facts) {
        if (!facts.restoreJobs().known()) {
            return Optional.empty();
        }
        return RestoreJobs.of(facts).jobs().stream().filter(RestoreTestCheck::validated).map(RestoreJobs::when)
                .max(Comparator.naturalOrder());
    }

    private static boolean validated(RestoreJob j) {
        return "COMPLETED".equals(j.status()) && "SUCCESSFUL".equals(j.validationStatus());
    }

    private static String plan(RestoreJob j) {
        String arn = j.restoreTestingPlanArn();
        return arn == null ? "" : " (" + arn.substring(arn.lastIndexOf(':') + 1) + ")";
    }
}
