package io.backupsentinel.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The {@code aws:} section of the config file, as read by {@code io.backupsentinel.config}. Credentials and endpoints normally come from the SDK's own
 * settings (default credential chain, {@code AWS_REGION}, {@code AWS_ENDPOINT_URL},
 * {@code AWS_ENDPOINT_URL_<SERVICE>}); {@code endpointOverride} and {@code credentials} exist only for the
 * embedded sandbox and tests, and cannot be set from the file.
 *
 * <pre>
 * aws:
 *   regions: [us-east-1, eu-west-1]       # empty: the SDK's default region
 *   accounts:                             # empty: the caller's own account only
 *     - self
 *     - {role_arn: arn:aws:iam::222222222222:role/BackupSentinelAudit, external_id: x, session_name: audit}
 *   session_name: backup-sentinel
 *   rate_limits: {scale: 0.5, DescribeContinuousBackups: 8}
 *   max_concurrency: 16
 *   call_timeout: 30s
 *   attempt_timeout: 10s
 * </pre>
 */
public record AwsSettings(List<String> regions, List<Account> accounts, String sessionName,
                          RateLimits rateLimits, int maxConcurrency, Duration callTimeout,
                          Duration attemptTimeout, URI endpointOverride, AwsCredentialsProvider credentials) {

    public AwsSettings {
        regions = List.copyOf(regions);
        accounts = accounts.isEmpty() ? List.of(Account.SELF) : List.copyOf(accounts);
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("aws.max_concurrency: must be at least 1, got " + maxConcurrency);
        }
    }

    /** Everything at its default: the SDK's default region, the caller's own account. */
    public static AwsSettings defaults() {
        return new AwsSettings(List.of(), List.of(), "backup-sentinel", RateLimits.DEFAULT, 16,
                Duration.ofSeconds(30), Duration.ofSeconds(10), null, null);
    }

    /** The same settings, talking to {@code endpoint} with {@code credentials} (sandbox and tests only). */
    public AwsSettings withEndpoint(URI endpoint, AwsCredentialsProvider creds) {
        return new AwsSettings(regions, accounts, sessionName, rateLimits, maxConcurrency, callTimeout,
                attemptTimeout, endpoint, creds);
    }

    /** The same settings, talking to {@code endpoint} with a static key pair (the embedded sandbox). */
    public AwsSettings withEndpoint(URI endpoint, String accessKeyId, String secretAccessKey) {
        return withEndpoint(endpoint, software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(accessKeyId, secretAccessKey)));
    }

    public AwsSettings withRegions(List<String> newRegions) {
        return new AwsSettings(newRegions, accounts, sessionName, rateLimits, maxConcurrency, callTimeout,
                attemptTimeout, endpointOverride, credentials);
    }

    public AwsSettings withAccounts(List<Account> newAccounts) {
        return new AwsSettings(regions, newAccounts, sessionName, rateLimits, maxConcurrency, callTimeout,
                attemptTimeout, endpointOverride, credentials);
    }

    public AwsSettings withRateLimits(RateLimits limits) {
        return new AwsSettings(regions, accounts, sessionName, limits, maxConcurrency, callTimeout,
                attemptTimeout, endpointOverride, credentials);
    }

    public AwsSettings withMaxConcurrency(int n) {
        return new AwsSettings(regions, accounts, sessionName, rateLimits, n, callTimeout,
                attemptTimeout, endpointOverride, credentials);
    }

    /**
     * One account to audit: the caller's own ({@link #SELF}, {@code roleArn} null) or one reached by
     * STS AssumeRole. {@code sessionName} null means the settings' session name.
     */
    public record Account(String roleArn, String externalId, String sessionName) {
        public static final Account SELF = new Account(null, null, null);

        public boolean self() {
            return roleArn == null;
        }

        /** The account id named in the role ARN (arn:aws:iam::ACCOUNT:role/NAME). */
        public String accountId() {
            return self() ? null : roleArn.split(":", 6)[4];
        }
    }

    /**
     * Client-side call rates per operation (calls per second), each multiplied by {@code scale}. Operations
     * not named in {@code overrides} use {@link OperationRates#DEFAULTS}.
     */
    public record RateLimits(Map<String, Double> overrides, double scale) {
        public static final RateLimits DEFAULT = new RateLimits(Map.of(), 1.0);

        public RateLimits {
            overrides = Map.copyOf(overrides);
            if (!(scale > 0)) {
                throw new IllegalArgumentException("aws.rate_limits.scale: must be greater than 0, got " + scale);
            }
        }

        /** The rate for an operation after overrides and scale. */
        public double perSecond(String operation) {
            return overrides.getOrDefault(operation, OperationRates.defaultRate(operation)) * scale;
        }

        /** The operations that have a rate, and so may be named in {@code overrides}. */
        public static java.util.Set<String> operations() {
            return new java.util.TreeSet<>(OperationRates.DEFAULTS.keySet());
        }
    }
}
