package io.backupsentinel.inventory;

/**
 * One kind of AWS request attempt, as {@code backup_sentinel_aws_requests_total{service,operation,outcome}}
 * counts them: {@code service} is the SDK's service id (e.g. {@code DynamoDB}, {@code Backup}),
 * {@code outcome} is {@code success}, {@code throttled} or {@code error}.
 */
public record RequestKind(String service, String operation, String outcome) {
    public static final String SUCCESS = "success";
    public static final String THROTTLED = "throttled";
    public static final String ERROR = "error";
}
