package io.backupsentinel.web.runbook;

import io.backupsentinel.model.Fact;
import io.backupsentinel.model.RecoveryPoint;
import io.backupsentinel.model.TableFacts;
import io.backupsentinel.model.TableRef;
import io.backupsentinel.web.runbook.RunbookStep.Detail;
import io.backupsentinel.web.runbook.RunbookStep.Kind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The newest restorable AWS Backup recovery point: StartRestoreJob. DynamoDB's restore metadata key for the new
 * table is {@code targetTableName} (AWS Backup developer guide, "Restore testing inferred metadata": DynamoDB
 * takes deletionProtection, encryptionType, kmsMasterKeyArn and targetTableName). The restore role is the one of
 * the plan selection that covers the table; AWS Backup's default role is named when none is known.
 */
final class AwsBackupStep {
    static final String TITLE = "From the newest AWS Backup recovery point";

    private AwsBackupStep() {
    }

    static RunbookStep of(TableFacts facts, String target, PlanCoverage coverage) {
        TableRef table = facts.table();
        Fact<List<RecoveryPoint>> points = facts.recoveryPoints();
        CliCommand check = CliCommand.aws("backup", "list-recovery-points-by-resource")
                .option("--resource-arn", table.arn()).option("--region", table.region())
                .build("List the table's recovery points");
        if (!points.known()) {
            return RunbookStep.unavailable(Kind.AWS_BACKUP, TITLE,
                    "The table's AWS Backup recovery points could not be listed: " + points.cause()
                            + ". List them by hand:", check);
        }
        Optional<RecoveryPoint> newest = points.value().stream()
                .filter(RecoveryPoint::restorable).filter(p -> p.arn() != null && p.created() != null)
                .max(Comparator.comparing(RecoveryPoint::created));
        if (newest.isEmpty()) {
            return RunbookStep.unavailable(Kind.AWS_BACKUP, TITLE,
                    "The table has no restorable (COMPLETED or AVAILABLE) AWS Backup recovery point.", check);
        }
        RecoveryPoint p = newest.get();
        String region = orElse(p.vaultRegion(), table.region());
        String account = orElse(p.vaultAccount(), table.account());
        List<Detail> details = new ArrayList<>();
        details.add(Detail.time("Recovery point created", p.created()));
        details.add(Detail.text("Recovery point ARN", p.arn()));
        details.add(Detail.text("Vault", p.vaultName() == null ? "(not reported)" : p.vaultName()));
        StringBuilder why = new StringBuilder("Choose this when the backups you trust are AWS Backup's (for example a "
                + "copy in a locked or another-account vault): it restores the table as it was at the recovery point ("
                + Times.iso(p.created()) + ") into a new table. Follow the job with describe-restore-job until it is "
                + "COMPLETED.");
        if (!region.equals(table.region()) || !account.equals(table.account())) {
            why.append(" This recovery point is in a vault of account ").append(account).append(", region ")
                    .append(region).append(", so the table is restored there; run the command with credentials for "
                            + "that account.");
        }
        String role = role(facts, coverage, account, details, why);
        details.add(Detail.text("Restored table name", target));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("targetTableName", target);
        CliCommand restore = CliCommand.aws("backup", "start-restore-job")
                .option("--recovery-point-arn", p.arn()).option("--iam-role-arn", role)
                .option("--resource-type", "DynamoDB").option("--metadata", Json.write(metadata))
                .option("--region", region)
                .build("Start a restore job from the recovery point of " + Times.iso(p.created()));
        List<String> notes = List.of("The command prints a RestoreJobId; follow it with "
                + "\"aws backup describe-restore-job --restore-job-id ID --region " + region + "\" until Status is "
                + "COMPLETED, then run the checks below.");
        return new RunbookStep(Kind.AWS_BACKUP, TITLE, true, why.toString(), details, List.of(restore), notes);
    }

    /** The covering selection's role, or AWS Backup's default service role with an honest word that it is a guess. */
    private static String role(TableFacts facts, PlanCoverage coverage, String account, List<Detail> details,
                               StringBuilder why) {
        List<CoveringSelection> covering = facts.plans().known() ? coverage.covering(facts) : List.of();
        for (CoveringSelection s : covering) {
            if (s.iamRoleArn() != null && !s.iamRoleArn().isBlank()) {
                details.add(Detail.text("IAM role", s.iamRoleArn()));
                details.add(Detail.text("Role from", "plan " + s.planName() + ", selection " + s.selectionName()
                        + " (" + s.how() + ")"));
                why.append(" The role is the one AWS Backup assumes for the plan selection that covers this table; it "
                        + "needs the restore permissions of AWSBackupServiceRolePolicyForRestores.");
                return s.iamRoleArn();
            }
        }
        String fallback = "arn:aws:iam::" + account + ":role/service-role/AWSBackupDefaultServiceRole";
        details.add(Detail.text("IAM role", fallback + " (assumed, check it)"));
        why.append(covering.isEmpty()
                ? " No backup plan selection is known to cover this table"
                + (facts.plans().known() ? "" : " (the plans could not be read: " + facts.plans().cause() + ")")
                : " The plan selection that covers this table does not name its IAM role");
        why.append(", so the restore role is not known. The command names AWSBackupDefaultServiceRole, the role AWS "
                + "Backup creates by default: check that it exists in the account and may restore DynamoDB tables, "
                + "or put the right role in its place.");
        return fallback;
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
