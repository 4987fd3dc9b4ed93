package io.backupsentinel.web.runbook;

import io.backupsentinel.model.Fact;
import io.backupsentinel.model.TableDescription;
import io.backupsentinel.model.TableFacts;
import io.backupsentinel.model.TableRef;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A table's recovery runbook: for each recovery source (PITR, the newest on-demand backup, the newest AWS
 * Backup recovery point, the newest export), the exact AWS CLI commands that restore it into a new table, filled
 * in with the ARNs, names and times collected, then the checks after a restore. Pure: no I/O, the time is given.
 * A source whose facts are missing gets a step that says why and how to look by hand, never a guessed command.
 */
public final class Runbook {
    private Runbook() {
    }

    /**
     * The steps for {@code table}, in a fixed order: PITR, on-demand backup, AWS Backup, export, after the restore.
     *
     * @param facts       the table's latest facts; null when none were collected yet
     * @param description DescribeTable's key schema and capacity, needed for an import from S3
     * @param now         the time the restored table's name is stamped with
     */
    public static List<RunbookStep> of(TableRef table, TableFacts facts, Optional<TableDescription> description,
                                       Instant now, RunbookOptions opts) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(opts, "opts");
        String target = targetTableName(table, now);
        TableFacts f = facts != null ? facts : uncollected(table);
        return List.of(
                PitrStep.of(table, f.pitr(), target, opts.restoreTo()),
                OnDemandStep.of(table, f.onDemandBackups(), target),
                AwsBackupStep.of(f, target, opts.coverage()),
                ExportStep.of(table, f.exports(), description, target),
                AfterRestoreStep.of(table, f.tags() == null ? Map.of() : f.tags(), f.pitr(), target));
    }

    /**
     * The new table a restore creates, {@code NAME-restored-YYYYMMDDTHHMMZ}: a valid DynamoDB name (3–255
     * characters of {@code [a-zA-Z0-9_.-]}) even when the source name is odd.
     */
    public static String targetTableName(TableRef table, Instant now) {
        return TargetName.of(table.name(), now);
    }

    private static TableFacts uncollected(TableRef table) {
        String cause = "no collection has reached this table yet";
        return new TableFacts(table, Map.of(), null, null, Fact.failed(cause), Fact.failed(cause),
                Fact.failed(cause), Fact.failed(cause), Fact.failed(cause), Fact.failed(cause), Fact.failed(cause),
                Fact.failed(cause), Fact.failed(cause), null);
    }
}
