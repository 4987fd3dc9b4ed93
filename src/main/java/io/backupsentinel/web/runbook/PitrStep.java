package io.backupsentinel.web.runbook;

import io.backupsentinel.model.Fact;
import io.backupsentinel.model.PitrState;
import io.backupsentinel.model.TableRef;
import io.backupsentinel.web.runbook.RunbookStep.Detail;
import io.backupsentinel.web.runbook.RunbookStep.Kind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Point-in-time recovery: RestoreTableToPointInTime to a chosen time, or to the latest restorable time. */
final class PitrStep {
    static final String TITLE = "Point-in-time recovery (PITR)";

    private PitrStep() {
    }

    static RunbookStep of(TableRef table, Fact<PitrState> pitr, String target, Optional<Instant> asked) {
        CliCommand check = CliCommand.aws("dynamodb", "describe-continuous-backups")
                .option("--table-name", table.name()).option("--region", table.region())
                .build("Read the table's PITR state");
        if (!pitr.known()) {
            return RunbookStep.unavailable(Kind.PITR, TITLE,
                    "The table's PITR state could not be read: " + pitr.cause() + ". Check it by hand:", check);
        }
        PitrState state = pitr.value();
        if (!state.enabled()) {
            return RunbookStep.unavailable(Kind.PITR, TITLE,
                    "PITR is disabled on this table, so there is no continuous backup to restore from. Enabling it "
                            + "now protects only from now on; use one of the other sources below.", check);
        }
        List<Detail> details = new ArrayList<>();
        Instant earliest = state.earliestRestorable();
        Instant latest = state.latestRestorable();
        if (earliest != null) {
            details.add(Detail.time("Earliest restorable time", earliest));
        }
        if (latest != null) {
            details.add(Detail.time("Latest restorable time", latest));
        }
        if (state.recoveryPeriodDays() != null) {
            details.add(Detail.text("Recovery period", state.recoveryPeriodDays() + " days"));
        }
        details.add(Detail.text("Restored table name", target));
        StringBuilder why = new StringBuilder("Choose this to undo a bad write or deletion: it restores the table as it "
                + "was at any second of the recovery window into a new table (the source is left untouched). "
                + "The restored table has no auto scaling, IAM policies, alarms, tags, streams, TTL or PITR of its own; "
                + "set them after the restore.");
        List<CliCommand> commands = new ArrayList<>();
        Instant at = chosen(asked, earliest, latest);
        if (at != null) {
            details.add(Detail.time("Restore to", at));
            commands.add(base(table, target).option("--restore-date-time", Times.iso(at))
                    .option("--region", table.region()).build("Restore to " + Times.iso(at)));
        } else {
            why.append(" AWS did not report the restorable window, so only the latest restorable time is offered.");
        }
        commands.add(base(table, target).flag("--use-latest-restorable-time").option("--region", table.region())
                .build("Restore to the latest restorable time"));
        return new RunbookStep(Kind.PITR, TITLE, true, why.toString(), details, commands, List.of());
    }

    /**
     * The time to restore to: the one asked for, else the latest restorable time to the second (rounded down, so it
     * stays inside the window). Null when the window is not known. A time asked for outside the window is the
     * caller's error (the status page answers 400 with the window): a command for another time would restore other
     * data than asked.
     */
    private static Instant chosen(Optional<Instant> asked, Instant earliest, Instant latest) {
        if (latest == null) {
            return null;
        }
        Instant newest = latest.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        if (earliest != null && newest.isBefore(earliest)) {
            newest = latest;
        }
        if (asked.isEmpty()) {
            return newest;
        }
        Instant t = asked.get();
        boolean inside = !t.isAfter(latest) && (earliest == null || !t.isBefore(earliest));
        if (!inside) {
            throw new IllegalArgumentException("the time to restore to, " + Times.iso(t) + ", is outside the restorable"
                    + " window" + (earliest == null ? " (latest " + Times.iso(latest) + ")"
                            : " (" + Times.iso(earliest) + " to " + Times.iso(latest) + ")"));
        }
        return t;
    }

    private static CliCommand.Builder base(TableRef table, String target) {
        return CliCommand.aws("dynamodb", "restore-table-to-point-in-time")
                .option("--source-table-arn", table.arn()).option("--target-table-name", target);
    }
}
