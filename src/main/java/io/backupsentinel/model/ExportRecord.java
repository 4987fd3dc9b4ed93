package io.backupsentinel.model;

import java.time.Instant;

/**
 * A DynamoDB export to S3 (ListExports then DescribeExport). {@code status} is IN_PROGRESS, COMPLETED or
 * FAILED; {@code exportType} FULL_EXPORT or INCREMENTAL_EXPORT; {@code sseAlgorithm} AES256 or KMS.
 * {@code s3Prefix} is the prefix the export was written under (null when none); the data files lie under
 * {@code [s3Prefix/]AWSDynamoDB/<export id>/data/}, which a runbook's import command needs.
 * {@code billedSizeBytes} (BilledSizeBytes) and {@code itemCount} (ItemCount) are null until the export
 * completed, or when AWS did not say.
 */
public record ExportRecord(String arn, String status, Instant exportTime, Instant startTime, Instant endTime,
                           String failureCode, String failureMessage, String s3Bucket, String sseAlgorithm,
                           String exportType, String exportFormat, String s3Prefix, Long billedSizeBytes,
                           Long itemCount) {
    /** An export whose S3 prefix is known but not its size. */
    public ExportRecord(String arn, String status, Instant exportTime, Instant startTime, Instant endTime,
                        String failureCode, String failureMessage, String s3Bucket, String sseAlgorithm,
                        String exportType, String exportFormat, String s3Prefix) {
        this(arn, status, exportTime, startTime, endTime, failureCode, failureMessage, s3Bucket, sseAlgorithm,
                exportType, exportFormat, s3Prefix, null, null);
    }

    /** An export whose size is known but not its S3 prefix. */
    public ExportRecord(String arn, String status, Instant exportTime, Instant startTime, Instant endTime,
                        String failureCode, String failureMessage, String s3Bucket, String sseAlgorithm,
                        String exportType, String exportFormat, Long billedSizeBytes, Long itemCount) {
        this(arn, status, exportTime, startTime, endTime, failureCode, failureMessage, s3Bucket, sseAlgorithm,
                exportType, exportFormat, null, billedSizeBytes, itemCount);
    }

    /** An export whose S3 prefix and size are not known. */
    public ExportRecord(String arn, String status, Instant exportTime, Instant startTime, Instant endTime,
                        String failureCode, String failureMessage, String s3Bucket, String sseAlgorithm,
                        String exportType, String exportFormat) {
        this(arn, status, exportTime, startTime, endTime, failureCode, failureMessage, s3Bucket, sseAlgorithm,
                exportType, exportFormat, null, null, null);
    }

    public boolean completed() {
        return "COMPLETED".equals(status);
    }
}
