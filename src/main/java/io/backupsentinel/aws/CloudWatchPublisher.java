package io.backupsentinel.aws;

import io.backupsentinel.model.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes the compliance picture to CloudWatch with PutMetricData: {@code Findings} (dimensions Rule and
 * Status, unit Count) per rule and status, and {@code WorstEffectiveRpoAge} (Seconds). Every status of a rule
 * is sent, zeros included, so an alarm on NON_COMPLIANT sees 0 rather than missing data once a breach is
 * fixed. Data go in calls of at most {@link #MAX_PER_CALL}, CloudWatch's limit. Publishing is a side
 * channel: a failure is counted and logged once per run of failures, never thrown to the daemon.
 */
public final class CloudWatchPublisher implements AutoCloseable {
    static final int MAX_PER_CALL = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(CloudWatchPublisher.class);

    private final CloudWatchClient client;
    private final String namespace;
    private final AutoCloseable owned;
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean failing;

    CloudWatchPublisher(CloudWatchClient client, String namespace, AutoCloseable owned) {
        this.client = client;
        this.namespace = namespace;
        this.owned = owned;
    }

    /**
     * A publisher on the SDK clients of {@code aws} (endpoint override, credentials, timeouts and retries);
     * IllegalStateException when no region is set anywhere.
     */
    public static CloudWatchPublisher open(AwsSettings aws, CloudWatchSettings settings) {
        String region = settings.region() != null ? settings.region()
                : !aws.regions().isEmpty() ? aws.regions().get(0) : sdkDefaultRegion();
        SdkClients clients = new SdkClients(aws);
        return new CloudWatchPublisher(clients.cloudWatch(region), settings.namespace(), clients);
    }

    /**
     * Sends the counts per rule and status and, when known (non-null), the worst effective RPO age, all
     * stamped {@code at}. Returns whether every call succeeded.
     */
    public boolean publish(Map<String, Map<Status, Long>> countsByRule, Duration worstEffectiveRpoAge, Instant at) {
        List<MetricDatum> data = data(countsByRule, worstEffectiveRpoAge, at);
        boolean ok = true;
        for (int i = 0; i < data.size(); i += MAX_PER_CALL) {
            List<MetricDatum> batch = data.subList(i, Math.min(data.size(), i + MAX_PER_CALL));
            try {
                client.putMetricData(b -> b.namespace(namespace).metricData(batch));
            } catch (RuntimeException e) {
                // SdkException and anything an interceptor throws: the daemon's audit must go on regardless.
                failures.incrementAndGet();
                if (!failing) {
                    LOG.warn("cannot publish metrics to CloudWatch (namespace {}): {}; later failures are counted,"
                            + " not logged, until a publish succeeds", namespace, Causes.of("PutMetricData", e));
                }
                failing = true;
                ok = false;
            }
        }
        if (ok && failing) {
            failing = false;
            LOG.info("publishing metrics to CloudWatch works again");
        }
        return ok;
    }

    private static String sdkDefaultRegion() {
        try {
            return new DefaultAwsRegionProviderChain().getRegion().id();
        } catch (SdkClientException e) {
            throw new IllegalStateException("cloudwatch: no region to publish to; set cloudwatch.region or"
                    + " aws.regions (or AWS_REGION)");
        }
    }

    /** Calls that failed since this publisher was opened. */
    public long failures() {
        return failures.get();
    }

    static List<MetricDatum> data(Map<String, Map<Status, Long>> countsByRule, Duration worst, Instant at) {
        List<MetricDatum> out = new ArrayList<>();
        new TreeMap<>(countsByRule).forEach((rule, counts) -> {
            for (Status s : Status.values()) {
                out.add(MetricDatum.builder().metricName("Findings")
                        .dimensions(Dimension.builder().name("Rule").value(rule).build(),
                                Dimension.builder().name("Status").value(s.name()).build())
                        .value((double) counts.getOrDefault(s, 0L)).unit(StandardUnit.COUNT).timestamp(at).build());
            }
        });
        if (worst != null) {
            out.add(MetricDatum.builder().metricName("WorstEffectiveRpoAge").value((double) worst.toSeconds())
                    .unit(StandardUnit.SECONDS).timestamp(at).build());
        }
        return out;
    }

    @Override
    public void close() {
        client.close();
        try {
            owned.close();
        } catch (Exception e) {
            LOG.debug("closing the CloudWatch HTTP client failed", e);
        }
    }
}
