package io.backupsentinel.aws;

/**
 * Hears about every HTTP request (every attempt, retries included) the collector sends to AWS, e.g. to
 * feed {@code backup_sentinel_aws_requests_total{service,operation,outcome}}. Called on the calling
 * thread; implementations must be thread-safe and quick.
 */
public interface AwsRequestListener {
    AwsRequestListener NONE = (service, operation, outcome) -> { };

    /**
     * @param service   the SDK's service id, e.g. {@code DynamoDB}, {@code Backup}
     * @param operation e.g. {@code DescribeContinuousBackups}
     * @param outcome   {@code success}, {@code throttled} or {@code error}
     */
    void onRequest(String service, String operation, String outcome);
}
