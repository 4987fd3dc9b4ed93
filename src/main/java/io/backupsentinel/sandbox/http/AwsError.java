package io.backupsentinel.sandbox.http;

/**
 * An error as AWS returns it: HTTP status, error code (the exception's short name, e.g.
 * ResourceNotFoundException) and message. Handlers throw it; the server renders it per protocol.
 */
public final class AwsError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int httpStatus;
    private final String code;
    /** Whether the caller or AWS is at fault, as awsQuery's Error/Type says: Sender or Receiver. */
    private final boolean senderFault;

    public AwsError(int httpStatus, String code, String message) {
        super(message, null, false, false);
        this.httpStatus = httpStatus;
        this.code = code;
        this.senderFault = httpStatus < 500;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String code() {
        return code;
    }

    public boolean senderFault() {
        return senderFault;
    }

    public static AwsError validation(String message) {
        return new AwsError(400, "ValidationException", message);
    }

    public static AwsError notFound(String message) {
        return new AwsError(400, "ResourceNotFoundException", message);
    }

    public static AwsError throttling(String message) {
        return new AwsError(400, "ThrottlingException", message);
    }

    public static AwsError accessDenied(String message) {
        return new AwsError(400, "AccessDeniedException", message);
    }

    public static AwsError unknownOperation(String operation) {
        return new AwsError(400, "UnknownOperationException", "operation " + operation + " is not supported");
    }
}
