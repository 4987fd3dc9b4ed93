package io.backupsentinel.web.runbook;

import io.backupsentinel.model.Fact;
import io.backupsentinel.model.PitrState;
import io.backupsentinel.model.TableRef;
import io.backupsentinel.web.runbook.RunbookStep.Detail;
import io.backupsentinel.web.runbook.RunbookStep.Kind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What to do once a restore has started: wait for ACTIVE, protect the new table, tag it, move traffic. */
final class AfterRestoreStep {
    static final String TITLE = "After the restore";

    private AfterRestoreStep() {
    }

    static RunbookStep of(TableRef table, Map<String, String> tags, Fact<PitrState> pitr, String target) {
        String region = table.region();
        List<CliCommand> commands = new ArrayList<>();
        commands.add(CliCommand.aws("dynamodb", "wait", "table-exists").option("--table-name", target)
                .option("--region", region).build("Wait until the restored table is ACTIVE"));
        commands.add(CliCommand.aws("dynamodb", "describe-table").option("--table-name", target)
                .option("--query", "Table.[TableStatus,ItemCount,TableSizeBytes]").option("--region", region)
                .build("Check its status and size"));
        String spec = "PointInTimeRecoveryEnabled=true";
        if (pitr.known() && pitr.value().enabled() && pitr.value().recoveryPeriodDays() != null) {
            spec += ",RecoveryPeriodInDays=" + pitr.value().recoveryPeriodDays();
        }
        commands.add(CliCommand.aws("dynamodb", "update-continuous-backups").option("--table-name", target)
                .option("--point-in-time-recovery-specification", spec).option("--region", region)
                .build("Turn PITR on for the restored table"));
        if (!tags.isEmpty()) {
            List<Map<String, String>> list = new ArrayList<>();
            for (Map.Entry<String, String> t : new TreeMap<>(tags).entrySet()) {
                Map<String, String> m = new LinkedHashMap<>();
                m.put("Key", t.getKey());
                m.put("Value", t.getValue());
                list.add(m);
            }
            String arn = "arn:aws:dynamodb:" + region + ":" + table.account() + ":table/" + target;
            commands.add(CliCommand.aws("dynamodb", "tag-resource").option("--resource-arn", arn)
                    .option("--tags", Json.write(list)).option("--region", region)
                    .build("Copy the source table's tags (backup plans that select by tag need them)"));
        }
        List<String> notes = List.of(
                "The wait gives up after about ten minutes; a large table can take hours to restore, so repeat it or "
                        + "poll describe-table until TableStatus is ACTIVE.",
                "Check the data: compare item counts and read a few known items in the restored table.",
                "Set what restores do not carry over: auto scaling, IAM and resource policies, CloudWatch alarms, "
                        + "streams, TTL, and (for imports) secondary indexes.",
                "Switch traffic: point the application at " + target + " (configuration or alias), or copy the "
                        + "needed items back into " + table.name() + "; then confirm Backup Sentinel audits the "
                        + "table that now serves traffic.",
                "Delete the restored table once it is no longer needed: it is billed like any table.");
        return new RunbookStep(Kind.AFTER_RESTORE, TITLE, true, "Whichever source was used, the restored table is new: "
                + "check it, protect it and only then move traffic to it.",
                List.of(Detail.text("Restored table name", target)), commands, notes);
    }
}
