package io.backupsentinel.model;

import java.time.Instant;

/**
 * A DynamoDB export to S3 (ListExports then DescribeExport). {@code status} is IN_PROGRESS, COMPLETED or
 * FAILED; {@code exportType} FULL_EXPORT or INCREMENTAL_EXPORT; {@code sseAlgorithm} AES256 or KMS.
 */
public record ExportRecord(String arn, String status, Instant exportTime, Instant startTime, Instant endTime,
                           String failureCode, String failureMessage, String s3Bucket, String sseAlgorithm,
                           String exportType, String exportFormat) {
    public boolean completed() {
        return "COMPLETED".equals(status);
    }
}
