package io.backupsentinel.model;

import java.time.Instant;

/**
 * A DynamoDB export to S3 (ListExports then DescribeExport). {@code status} is IN_PROGRESS, COMPLETED or
 * FAILED; {@code exportType} FULL_EXPORT or INCREMENTAL_EXPORT; {@code sseAlgorithm} AES256 or KMS.
 * {@code billedSizeBytes} (BilledSizeBytes) and {@code itemCount} (ItemCount) are null until the export
 * completed, or when AWS did not say.
 */
public record ExportRecord(String arn, String status, Instant exportTime, Instant startTime, Instant endTime,
                           String failureCode, String failureMessage, String s3Bucket, String sseAlgorithm,
                           String exportType, String exportFormat, Long billedSizeBytes, Long itemCount) {
    /** An export whose size is not known (the form before sizes were collected). */
    public ExportRecord(String arn, String status, Instant exportTime, Instant startTime, Instant endTime,
                        String failureCode, String failureMessage, String s3Bucket, String sseAlgorithm,
                        String exportType, String exportFormat) {
        this(arn, status, exportTime, startTime, endTime, failureCode, failureMessage, s3Bucket, sseAlgorithm,
                exportType, exportFormat, null, null);
    }

    public boolean completed() {
        return "COMPLETED".equals(status);
    }
}
