package io.backupsentinel.web.runbook;

import io.backupsentinel.model.Arns;
import io.backupsentinel.model.Fact;
import io.backupsentinel.model.OnDemandBackup;
import io.backupsentinel.model.TableRef;
import io.backupsentinel.web.runbook.RunbookStep.Detail;
import io.backupsentinel.web.runbook.RunbookStep.Kind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The newest AVAILABLE DynamoDB backup (ListBackups): RestoreTableFromBackup. */
final class OnDemandStep {
    static final String TITLE = "From the newest on-demand backup";

    private OnDemandStep() {
    }

    static RunbookStep of(TableRef table, Fact<List<OnDemandBackup>> backups, String target) {
        CliCommand check = CliCommand.aws("dynamodb", "list-backups")
                .option("--table-name", table.name()).option("--region", table.region())
                .build("List the table's backups");
        if (!backups.known()) {
            return RunbookStep.unavailable(Kind.ON_DEMAND_BACKUP, TITLE,
                    "The table's on-demand backups could not be listed: " + backups.cause() + ". List them by hand:",
                    check);
        }
        Optional<OnDemandBackup> newest = backups.value().stream()
                .filter(OnDemandBackup::available).filter(b -> b.arn() != null && b.created() != null)
                .max(Comparator.comparing(OnDemandBackup::created));
        if (newest.isEmpty()) {
            return RunbookStep.unavailable(Kind.ON_DEMAND_BACKUP, TITLE,
                    "The table has no AVAILABLE on-demand backup.", check);
        }
        OnDemandBackup b = newest.get();
        String region = Optional.ofNullable(Arns.region(b.arn())).filter(r -> !r.isEmpty()).orElse(table.region());
        List<Detail> details = new ArrayList<>();
        details.add(Detail.time("Backup created", b.created()));
        if (b.name() != null) {
            details.add(Detail.text("Backup name", b.name()));
        }
        details.add(Detail.text("Backup ARN", b.arn()));
        if (b.type() != null) {
            details.add(Detail.text("Backup type", b.type()));
        }
        details.add(Detail.text("Restored table name", target));
        CliCommand restore = CliCommand.aws("dynamodb", "restore-table-from-backup")
                .option("--target-table-name", target).option("--backup-arn", b.arn()).option("--region", region)
                .build("Restore the backup of " + Times.iso(b.created()) + " into a new table");
        String why = "Choose this when PITR is off or its window does not reach back far enough: it restores the table "
                + "exactly as it was when the backup was taken (" + Times.iso(b.created()) + "), with its indexes, into "
                + "a new table. Writes made since then are not in it. Auto scaling, IAM policies, alarms, tags, streams "
                + "and TTL must be set again on the restored table.";
        return new RunbookStep(Kind.ON_DEMAND_BACKUP, TITLE, true, why, details, List.of(restore), List.of());
    }
}
