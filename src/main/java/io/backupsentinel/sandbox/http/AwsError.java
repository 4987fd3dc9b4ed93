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
    /** What the error is about (a parameter or resource name), for protocols whose errors carry it; may be null. */
    private final String context;

    public AwsError(int httpStatus, String code, String message) {
        this(httpStatus, code, message, null);
    }

    public AwsError(int httpStatus, String code, String message, String context) {
        super(message, null, false, false);
        this.httpStatus = httpStatus;
        this.code = code;
        this.senderFault = httpStatus < 500;
        this.context = context;
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

    public String context() {
        return context;
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
