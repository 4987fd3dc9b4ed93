package io.backupsentinel.sandbox.state;

import java.time.Instant;

/** A DynamoDB export to S3. {@code status} IN_PROGRESS, COMPLETED or FAILED; type FULL_EXPORT or INCREMENTAL_EXPORT. */
public record Export(String arn, String tableArn, String tableId, String status, Instant startTime, Instant endTime,
                     Instant exportTime, String failureCode, String failureMessage, String s3Bucket,
                     String s3Prefix, String sseAlgorithm, String kmsKeyId, String exportType,
                     String exportFormat, long itemCount, long billedSizeBytes) {
}
