package io.backupsentinel.model;

import java.time.Instant;

/**
 * A DynamoDB export to S3 (ListExports then DescribeExport). {@code status} is IN_PROGRESS, COMPLETED or
 * FAILED; {@code exportType} FULL_EXPORT or INCREMENTAL_EXPORT; {@code sseAlgorithm} AES256 or KMS.
 * {@code s3Prefix} is the prefix the export was written under (null when none); the data files lie under
 * {@code [s3Prefix/]AWSDynamoDB/<export id>/data/}, which a runbook's import command needs.
 */
public record ExportRecord(String arn, String status, Instant exportTime, Instant startTime, Instant endTime,
                           String failureCode, String failureMessage, String s3Bucket, String sseAlgorithm,
                           String exportType, String exportFormat, String s3Prefix) {
    /** An export whose S3 prefix is not known. */
    public ExportRecord(String arn, String status, Instant exportTime, Instant startTime, Instant endTime,
                        String failureCode, String failureMessage, String s3Bucket, String sseAlgorithm,
                        String exportType, String exportFormat) {
        this(arn, status, exportTime, startTime, endTime, failureCode, failureMessage, s3Bucket, sseAlgorithm,
                exportType, exportFormat, null);
    }

    public boolean completed() {
        return "COMPLETED".equals(status);
    }
}
