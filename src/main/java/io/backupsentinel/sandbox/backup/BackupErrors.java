package io.backupsentinel.sandbox.backup;

import io.backupsentinel.sandbox.http.AwsError;

/**
 * The error shapes of the AWS Backup model. None carries an {@code httpError} trait, so each takes the
 * Smithy default for its fault: 400 for the client's errors, 500 for ServiceUnavailableException (a server
 * fault). The SDK picks the exception class from the {@code x-amzn-ErrorType} header; the body carries the
 * modelled members Code, Message, Type and Context (here: the parameter or resource the error is about).
 */
public final class BackupErrors {
    private BackupErrors() {
    }

    public static AwsError resourceNotFound(String context, String message) {
        return new AwsError(400, "ResourceNotFoundException", message, context);
    }

    public static AwsError invalidParameter(String context, String message) {
        return new AwsError(400, "InvalidParameterValueException", message, context);
    }

    public static AwsError missingParameter(String context, String message) {
        return new AwsError(400, "MissingParameterValueException", message, context);
    }

    public static AwsError invalidRequest(String context, String message) {
        return new AwsError(400, "InvalidRequestException", message, context);
    }

    /** For request gates that simulate an AWS Backup outage; the SDK retries it as a 5xx. */
    public static AwsError serviceUnavailable(String message) {
        return new AwsError(500, "ServiceUnavailableException", message, null);
    }
}
