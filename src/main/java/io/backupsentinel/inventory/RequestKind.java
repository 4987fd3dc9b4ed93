package io.backupsentinel.inventory;

/**
 * One kind of AWS request attempt, as {@code backup_sentinel_aws_requests_total{service,operation,outcome}}
 * counts them: {@code service} is the SDK's service id (e.g. {@code DynamoDB}, {@code Backup}),
 * {@code outcome} is {@code success}, {@code throttled}, {@code server_error} (5xx), {@code network_error} (no
 * answer: I/O or a timeout) or {@code client_error} (any other refusal, e.g. AccessDenied, ValidationException).
 */
public record RequestKind(String service, String operation, String outcome) {
    public static final String SUCCESS = "success";
    public static final String THROTTLED = "throttled";
    public static final String SERVER_ERROR = "server_error";
    public static final String NETWORK_ERROR = "network_error";
    public static final String CLIENT_ERROR = "client_error";
}
