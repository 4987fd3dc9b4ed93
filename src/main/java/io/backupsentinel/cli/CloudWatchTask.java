package io.backupsentinel.cli;

import io.backupsentinel.aws.CloudWatchPublisher;
import io.backupsentinel.engine.MetricsSink;
import io.backupsentinel.engine.Monitor;
import io.backupsentinel.model.Finding;
import io.backupsentinel.model.Status;
import io.backupsentinel.model.TableRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The daemon's periodic CloudWatch publish ({@code cloudwatch.enabled}): the current findings counted per rule
 * and status, and the worst effective RPO age — the oldest, across tables under an rpo rule, of each table's
 * newest recovery point of any source. Runs on the daemon's housekeeping thread; nothing it meets stops the
 * schedule (the publisher counts AWS faults itself).
 */
final class CloudWatchTask implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CloudWatchTask.class);
    private final CloudWatchPublisher publisher;
    private final Monitor monitor;
    private final MetricsSink facts;

    CloudWatchTask(CloudWatchPublisher publisher, Monitor monitor, MetricsSink facts) {
        this.publisher = publisher;
        this.monitor = monitor;
        this.facts = facts;
    }

    @Override
    public void run() {
        try {
            Instant now = monitor.clock().instant();
            publisher.publish(countsByRule(monitor.findings()), worstAge(facts.newestEffectivePoints().values(), now),
                    now);
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log and keep the schedule.
            LOG.warn("the CloudWatch publish failed: {}", e.toString());
        }
    }

    /** rule → status → how many findings; only the statuses present (the publisher fills in zeros). */
    static Map<String, Map<Status, Long>> countsByRule(List<Finding> findings) {
        Map<String, Map<Status, Long>> out = new TreeMap<>();
        for (Finding f : findings) {
            out.computeIfAbsent(f.rule(), r -> new EnumMap<>(Status.class)).merge(f.status(), 1L, Long::sum);
        }
        return out;
    }

    /** The age of the oldest of the newest points at {@code now}; null with none; a point in the future is age 0. */
    static Duration worstAge(Collection<Instant> newestPoints, Instant now) {
        Duration worst = null;
        for (Instant at : newestPoints) {
            Duration age = at.isAfter(now) ? Duration.ZERO : Duration.between(at, now);
            if (worst == null || age.compareTo(worst) > 0) {
                worst = age;
            }
        }
        return worst;
    }

    @Override
    public void close() {
        publisher.close();
    }
}
