package io.backupsentinel.sandbox.cloudwatch;

import java.time.Instant;
import java.util.Map;

/**
 * One metric datum as PutMetricData received it, kept so tests and the demo can see what was published.
 *
 * @param timestamp the datum's own timestamp, or the sandbox clock's time of the call when it gave none
 */
public record PublishedMetric(String account, String region, String namespace, String name,
                              Map<String, String> dimensions, double value, String unit, Instant timestamp) {
    public PublishedMetric {
        dimensions = Map.copyOf(dimensions);
    }
}
