package io.backupsentinel.aws;

import java.time.Duration;

/**
 * The {@code cloudwatch:} section: whether the daemon publishes compliance counts per rule and the worst
 * effective RPO age to CloudWatch, for teams that alarm there.
 *
 * @param namespace the metrics' namespace (CloudWatch refuses names starting with {@code AWS/})
 * @param region    where to publish; null: the first of {@code aws.regions} (the SDK's default region if none)
 * @param every     how often the daemon publishes
 */
public record CloudWatchSettings(boolean enabled, String namespace, String region, Duration every) {
    public static final String DEFAULT_NAMESPACE = "BackupSentinel";
    public static final Duration DEFAULT_EVERY = Duration.ofMinutes(1);

    public static CloudWatchSettings defaults() {
        return new CloudWatchSettings(false, DEFAULT_NAMESPACE, null, DEFAULT_EVERY);
    }
}
