package io.backupsentinel.sandbox.dynamodb;

import io.backupsentinel.sandbox.http.AwsError;

/**
 * DynamoDB's errors with the shape names of the service model and the message wording AWS uses, so that a
 * client sees the same exception type (the SDK maps {@code __type} to its modelled exception classes) and
 * the same text it would see from AWS.
 */
final class DdbErrors {
    private DdbErrors() {
    }

    /** DescribeTable, DeleteTable: "Requested resource not found: Table: NAME not found". */
    static AwsError tableResourceNotFound(String table) {
        return AwsError.notFound("Requested resource not found: Table: " + table + " not found");
    }

    /** ListTagsOfResource, TagResource, UntagResource (AWS's message spells it "ResourcArn"). */
    static AwsError arnResourceNotFound(String arn) {
        return AwsError.notFound("Requested resource not found: ResourcArn: " + arn + " not found");
    }

    /** The backup operations name a missing table with TableNotFoundException. */
    static AwsError tableNotFound(String table) {
        return new AwsError(400, "TableNotFoundException", "Table not found: " + table);
    }

    static AwsError backupNotFound(String arn) {
        return new AwsError(400, "BackupNotFoundException", "Backup not found: " + arn);
    }

    static AwsError exportNotFound(String arn) {
        return new AwsError(400, "ExportNotFoundException", "Export not found: " + arn);
    }

    static AwsError tableAlreadyExists(String table) {
        return new AwsError(400, "TableAlreadyExistsException", "Table already exists: " + table);
    }

    static AwsError resourceInUse(String message) {
        return new AwsError(400, "ResourceInUseException", message);
    }

    static AwsError tableInUse(String table) {
        return new AwsError(400, "TableInUseException", "Table is being created or deleted: " + table);
    }

    static AwsError backupInUse(String arn) {
        return new AwsError(400, "BackupInUseException", "Backup is being created: " + arn);
    }

    /** What AWS answers when backups are asked of a table whose continuous backups are still being set up. */
    static AwsError continuousBackupsUnavailable(String table) {
        return new AwsError(400, "ContinuousBackupsUnavailableException",
                "Backups are being enabled for the table: " + table + ". Please retry later");
    }

    static AwsError pitrUnavailable(String table) {
        return new AwsError(400, "PointInTimeRecoveryUnavailableException",
                "Point in time recovery is not enabled for table '" + table + "'");
    }

    static AwsError invalidRestoreTime(String message) {
        return new AwsError(400, "InvalidRestoreTimeException", message);
    }
}
