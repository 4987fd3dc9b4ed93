package io.backupsentinel.aws;

import io.backupsentinel.model.RestoreJob;

import java.util.Map;

/**
 * Finds the table a restore job restored. Restore jobs have no ResourceArn: the newer SourceResourceArn
 * names the table; otherwise the recovery point does, either because its ARN is a DynamoDB backup ARN
 * (TABLE_ARN/backup/ID, for tables without advanced backup) or through the recovery points listed in this
 * sweep. When none of these answers, the job stays unlinked (no extra call per job).
 */
final class RestoreJobLinks {
    private final Map<String, String> recoveryPointToResource;

    /** {@code recoveryPointToResource}: recovery point ARN to its ResourceArn, from this sweep's listing. */
    RestoreJobLinks(Map<String, String> recoveryPointToResource) {
        this.recoveryPointToResource = recoveryPointToResource;
    }

    /** The table ARN of the job, or null when it cannot be told without more calls. */
    String tableArn(RestoreJob job) {
        if (job.sourceResourceArn() != null && !job.sourceResourceArn().isEmpty()) {
            return job.sourceResourceArn();
        }
        String rp = job.recoveryPointArn();
        if (rp == null) {
            return null;
        }
        int backup = rp.indexOf("/backup/");
        if (rp.startsWith("arn:") && rp.contains(":dynamodb:") && backup > 0) {
            return rp.substring(0, backup);
        }
        return recoveryPointToResource.get(rp);
    }
}
