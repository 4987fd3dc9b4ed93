package io.backupsentinel.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.time.Duration;

/**
 * Builds the SDK clients, all on one shared Apache HTTP client whose pool fits the collector's
 * concurrency. Endpoints and credentials come from the SDK's defaults ({@code AWS_ENDPOINT_URL},
 * {@code AWS_ENDPOINT_URL_<SERVICE>}, the default credential chain) unless the settings override them for
 * the sandbox. Retries: ADAPTIVE_V2 with 4 attempts — the standard backoff plus a client-side rate limiter
 * that slows down when AWS throttles, for accounts whose real limit is below the published one (other
 * tools share the quota); 4 attempts ride out a short throttling burst within the 30 s call timeout.
 * Timeouts: {@code aws.call_timeout} is every client's apiCallTimeout (all attempts and backoffs of one
 * call; {@link Caller} lowers it per request by the time the call waited for its rate-limit slot), and
 * {@code aws.attempt_timeout} the apiCallAttemptTimeout and socket timeout of one attempt. STS has the
 * same bounds, so GetCallerIdentity and AssumeRole (refreshed in the background) cannot outlast them.
 */
final class SdkClients implements AutoCloseable {
    static final int MAX_ATTEMPTS = 4;

    private final AwsSettings settings;
    private final SdkHttpClient http;
    private final AwsCredentialsProvider baseCredentials;

    SdkClients(AwsSettings settings) {
        this.settings = settings;
        // Per-table calls and listings each take at most maxConcurrency connections (see Workers).
        this.http = ApacheHttpClient.builder()
                .maxConnections(2 * settings.maxConcurrency() + 8)
                .connectionAcquisitionTimeout(settings.callTimeout())
                .connectionTimeout(min(settings.attemptTimeout(), Duration.ofSeconds(5)))
                .socketTimeout(settings.attemptTimeout())
                .build();
        this.baseCredentials = settings.credentials() != null ? settings.credentials()
                : DefaultCredentialsProvider.builder().build();
    }

    AwsCredentialsProvider baseCredentials() {
        return baseCredentials;
    }

    StsClient sts(String region, MetricPublisher publisher) {
        return configure(StsClient.builder(), region, baseCredentials, publisher).build();
    }

    /** CloudWatch in {@code region} with the base credentials, for {@link CloudWatchPublisher}; not counted in the AWS request metrics. */
    CloudWatchClient cloudWatch(String region) {
        return configure(CloudWatchClient.builder(), region, baseCredentials, null).build();
    }

    /** The clients of one account-region. */
    RegionClients region(String region, AwsCredentialsProvider credentials, MetricPublisher publisher) {
        return new RegionClients(
                configure(DynamoDbClient.builder(), region, credentials, publisher).build(),
                configure(BackupClient.builder(), region, credentials, publisher).build(),
                configure(ResourceGroupsTaggingApiClient.builder(), region, credentials, publisher).build());
    }

    private <B extends AwsClientBuilder<B, ?> & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, ?>>
            B configure(B builder, String region, AwsCredentialsProvider credentials, MetricPublisher publisher) {
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.forRetryMode(RetryMode.ADAPTIVE_V2).toBuilder()
                        .maxAttempts(MAX_ATTEMPTS).build())
                .apiCallTimeout(settings.callTimeout())
                .apiCallAttemptTimeout(settings.attemptTimeout())
                .addExecutionInterceptor(AttemptTrace.INSTANCE);
        if (publisher != null) {
            override.addMetricPublisher(publisher);
        }
        builder.region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClient(http)
                .overrideConfiguration(override.build());
        if (settings.endpointOverride() != null) {
            builder.endpointOverride(settings.endpointOverride());
        }
        return builder;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public void close() {
        http.close();
    }

    /** The three clients one account-region needs; closing them leaves the shared HTTP client open. */
    record RegionClients(DynamoDbClient ddb, BackupClient backup, ResourceGroupsTaggingApiClient tagging)
            implements AutoCloseable {
        SdkRegionApi api() {
            return new SdkRegionApi(ddb, backup, tagging);
        }

        @Override
        public void close() {
            ddb.close();
            backup.close();
            tagging.close();
        }
    }
}
