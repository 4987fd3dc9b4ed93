package io.backupsentinel.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupsentinel.model.Durations;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code aws:} section of the config file. Credentials and endpoints normally come from the SDK's own
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
    private static final Set<String> KEYS = Set.of("regions", "accounts", "session_name", "rate_limits",
            "max_concurrency", "call_timeout", "attempt_timeout");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/.+");

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
     * Parses the {@code aws:} node (null or missing means all defaults). Throws IllegalArgumentException
     * whose message starts with the path of the offending key, e.g. {@code aws.max_concurrency: ...}.
     */
    public static AwsSettings fromJson(JsonNode node) {
        AwsSettings d = defaults();
        if (node == null || node.isNull() || node.isMissingNode()) {
            return d;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("aws: must be a mapping of settings");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("aws." + key + ": unknown setting; expected one of "
                        + String.join(", ", KEYS.stream().sorted().toList()));
            }
        }
        String sessionName = node.has("session_name") ? text(node.get("session_name"), "aws.session_name")
                : d.sessionName();
        return new AwsSettings(
                regions(node.get("regions")),
                accounts(node.get("accounts")),
                sessionName,
                RateLimits.fromJson(node.get("rate_limits"), "aws.rate_limits"),
                node.has("max_concurrency") ? positiveInt(node.get("max_concurrency"), "aws.max_concurrency")
                        : d.maxConcurrency(),
                node.has("call_timeout") ? duration(node.get("call_timeout"), "aws.call_timeout") : d.callTimeout(),
                node.has("attempt_timeout") ? duration(node.get("attempt_timeout"), "aws.attempt_timeout")
                        : d.attemptTimeout(),
                null, null);
    }

    private static List<String> regions(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("aws.regions: must be a list of region names, e.g. [us-east-1]");
        }
        for (int i = 0; i < node.size(); i++) {
            String r = text(node.get(i), "aws.regions[" + i + "]");
            if (!REGION.matcher(r).matches()) {
                throw new IllegalArgumentException("aws.regions[" + i + "]: '" + r + "' is not a region name,"
                        + " e.g. us-east-1");
            }
            if (out.contains(r)) {
                throw new IllegalArgumentException("aws.regions[" + i + "]: '" + r + "' is listed twice");
            }
            out.add(r);
        }
        return out;
    }

    private static List<Account> accounts(JsonNode node) {
        List<Account> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("aws.accounts: must be a list of 'self' or {role_arn: ...}");
        }
        for (int i = 0; i < node.size(); i++) {
            String path = "aws.accounts[" + i + "]";
            JsonNode a = node.get(i);
            if (a.isTextual()) {
                if (!"self".equals(a.asText())) {
                    throw new IllegalArgumentException(path + ": '" + a.asText()
                            + "' is not allowed; write 'self' or {role_arn: arn:aws:iam::ACCOUNT:role/NAME}");
                }
                out.add(Account.SELF);
                continue;
            }
            if (!a.isObject()) {
                throw new IllegalArgumentException(path + ": write 'self' or {role_arn: ...}");
            }
            for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!Set.of("role_arn", "external_id", "session_name").contains(key)) {
                    throw new IllegalArgumentException(path + "." + key
                            + ": unknown setting; expected role_arn, external_id or session_name");
                }
            }
            if (!a.has("role_arn")) {
                throw new IllegalArgumentException(path + ".role_arn: is required");
            }
            String arn = text(a.get("role_arn"), path + ".role_arn");
            if (!ROLE_ARN.matcher(arn).matches()) {
                throw new IllegalArgumentException(path + ".role_arn: '" + arn
                        + "' is not a role ARN like arn:aws:iam::123456789012:role/NAME");
            }
            out.add(new Account(arn,
                    a.has("external_id") ? text(a.get("external_id"), path + ".external_id") : null,
                    a.has("session_name") ? text(a.get("session_name"), path + ".session_name") : null));
        }
        return out;
    }

    static String text(JsonNode node, String path) {
        if (node == null || !node.isValueNode() || node.isNull() || node.asText().isBlank()) {
            throw new IllegalArgumentException(path + ": must be a non-empty string");
        }
        return node.asText().trim();
    }

    private static int positiveInt(JsonNode node, String path) {
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < 1) {
            throw new IllegalArgumentException(path + ": must be a whole number of at least 1, got '"
                    + node.asText() + "'");
        }
        return node.asInt();
    }

    private static Duration duration(JsonNode node, String path) {
        try {
            Duration d = Durations.parse(text(node, path));
            if (d.isZero()) {
                throw new IllegalArgumentException("must be longer than 0s");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith(path) ? e : new IllegalArgumentException(path + ": " + e.getMessage());
        }
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

        static RateLimits fromJson(JsonNode node, String path) {
            if (node == null || node.isNull()) {
                return DEFAULT;
            }
            if (!node.isObject()) {
                throw new IllegalArgumentException(path + ": must be a mapping like {scale: 0.5,"
                        + " DescribeContinuousBackups: 8}");
            }
            double scale = 1.0;
            Map<String, Double> overrides = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = path + "." + e.getKey();
                if (!e.getValue().isNumber() || !(e.getValue().asDouble() > 0)) {
                    throw new IllegalArgumentException(key + ": must be a number greater than 0, got '"
                            + e.getValue().asText() + "'");
                }
                if ("scale".equals(e.getKey())) {
                    scale = e.getValue().asDouble();
                } else if (OperationRates.DEFAULTS.containsKey(e.getKey())) {
                    overrides.put(e.getKey(), e.getValue().asDouble());
                } else {
                    throw new IllegalArgumentException(key + ": unknown operation; expected scale or one of "
                            + String.join(", ", OperationRates.DEFAULTS.keySet().stream().sorted().toList()));
                }
            }
            return new RateLimits(overrides, scale);
        }
    }
}
