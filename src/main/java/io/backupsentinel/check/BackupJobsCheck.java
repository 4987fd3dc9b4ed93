package io.backupsentinel.check;

import io.backupsentinel.model.BackupJob;
import io.backupsentinel.model.Durations;
import io.backupsentinel.model.FactKind;
import io.backupsentinel.model.TableFacts;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code backup_jobs}: no AWS Backup job of the table failed (or ended in another bad state) recently. */
public final class BackupJobsCheck implements Check<BackupJobsCheck.P> {
    static final List<String> STATES = List.of("FAILED", "ABORTED", "EXPIRED", "PARTIAL");
    static final List<String> DEFAULT_STATES = List.of("FAILED", "ABORTED", "EXPIRED");

    /** @param expected the findings' {@code expected}, made once per binding */
    public record P(Duration window, List<String> states, String expected) {
        public P(Duration window, List<String> states) {
            this(window, states, "no " + String.join("/", states) + " backup job in " + Durations.format(window));
        }
    }

    private static final CheckSpec SPEC = new CheckSpec("backup_jobs",
            "Judges recent AWS Backup backup jobs of the table (ListBackupJobs, which keeps 30 days): none may "
                    + "have been created within window and ended in one of states. COMPLIANT when none did (observed "
                    + "counts the jobs seen); NON_COMPLIANT naming the newest such job with AWS's StatusMessage and "
                    + "whether a later job completed; UNKNOWN when the backup jobs could not be listed.",
            List.of(ParamSpec.optional("window", ParamType.DURATION, "7d",
                            "How far back to look at job creation times (AWS keeps 30 days of jobs)."),
                    ParamSpec.optional("states", ParamType.ENUM_LIST, DEFAULT_STATES,
                            "Job states that count as bad.").allowing(STATES)),
            IamActions.BACKUP_JOBS,
            Set.of(FactKind.BACKUP_JOBS),
            """
            - name: no-failed-backups
              description: No backup job of a production table failed, aborted or expired in the last week.
              check: backup_jobs
              severity: medium
              scope:
                tags: {env: prod}
              params: {window: 7d, states: [FAILED, ABORTED, EXPIRED, PARTIAL]}
            """);

    @Override
    public CheckSpec spec() {
        return SPEC;
    }

    @Override
    public P bind(Params params) {
        List<String> states = ParamValues.list(params, "states", DEFAULT_STATES);
        if (states.isEmpty() || !STATES.containsAll(states)) {
            throw new IllegalArgumentException("states must be a non-empty list of " + String.join(", ", STATES));
        }
        return new P(ParamValues.duration(params, "window", Duration.ofDays(7)), states);
    }

    /** Backup jobs back to the window: only jobs created within it are judged. */
    @Override
    public Map<FactKind, Duration> lookbacks(P p) {
        return Lookbacks.of(SPEC.facts(), Map.of(FactKind.BACKUP_JOBS, p.window()));
    }

    @Override
    public Outcome evaluate(TableFacts facts, P p, Instant now) {
        String expected = p.expected();
        if (!facts.backupJobs().known()) {
            return Outcome.unknown(expected, "Backup jobs unknown: " + facts.backupJobs().cause());
        }
        List<BackupJob> recent = facts.backupJobs().value().stream()
                .filter(j -> j.resourceArn() == null || j.resourceArn().equals(facts.table().arn()))
                .filter(j -> j.created() != null && Ages.within(j.created(), now, p.window()))
                .toList();
        List<BackupJob> bad = recent.stream().filter(j -> p.states().contains(j.state())).toList();
        if (bad.isEmpty()) {
            long completed = recent.stream().filter(j -> "COMPLETED".equals(j.state())).count();
            return Outcome.compliant(recent.size() + " job" + (recent.size() == 1 ? "" : "s") + " in "
                    + Durations.format(p.window()) + ", " + completed + " COMPLETED, none "
                    + String.join("/", p.states()), expected, recent.isEmpty()
                    ? "No backup job ran in the window; whether the table is backed up at all is for backup_plan and rpo."
                    : "No backup job ended badly.");
        }
        BackupJob newest = bad.stream().max(Comparator.comparing(BackupJob::created)).orElseThrow();
        Optional<BackupJob> laterSuccess = recent.stream()
                .filter(j -> "COMPLETED".equals(j.state()) && j.created().isAfter(newest.created()))
                .max(Comparator.comparing(BackupJob::created));
        String observed = bad.size() + " of " + recent.size() + " jobs in " + Durations.format(p.window())
                + " " + String.join("/", p.states()) + "; newest " + newest.state() + " " + Ages.ago(newest.created(), now);
        return Outcome.nonCompliant(observed, expected, "Backup job " + newest.id() + " " + newest.state() + " "
                + Ages.ago(newest.created(), now)
                + (newest.statusMessage() == null || newest.statusMessage().isBlank() ? "" : ": " + newest.statusMessage())
                + "." + laterSuccess.map(j -> " A later job completed " + Ages.ago(j.created(), now) + ".")
                .orElse(" No job has completed since.")
                + " Inspect it: aws backup describe-backup-job --region " + facts.table().region()
                + " --backup-job-id " + newest.id() + " (IAM role permissions, KMS key grants, the table's state).");
    }
}
