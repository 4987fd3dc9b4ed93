package io.backupsentinel.aws;

import io.backupsentinel.inventory.CollectionRequest;
import io.backupsentinel.inventory.RegionSnapshot;
import io.backupsentinel.inventory.RequestKind;
import io.backupsentinel.model.Target;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;


import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What one account-region keeps between sweeps: its SDK clients, its rate-limit buckets (so a sweep that
 * follows another does not start with a burst) and its request counts.
 */
final class TargetSession implements AutoCloseable {
    static final String UNKNOWN_ACCOUNT = "unknown";
    private static final Logger LOG = LoggerFactory.getLogger(TargetSession.class);

    private final Target target;
    private final SdkClients.RegionClients clients;
    private final RequestCounts counts;
    private final RegionCollector collector;

    private TargetSession(Target target, SdkClients.RegionClients clients, RequestCounts counts,
                          RegionCollector collector) {
        this.target = target;
        this.clients = clients;
        this.counts = counts;
        this.collector = collector;
    }

    static TargetSession open(Target target, SdkClients sdk, AwsCredentialsProvider credentials,
                              AwsRequestListener listener, Workers workers, AwsSettings settings, Clock clock) {
        RequestCounts counts = new RequestCounts(listener);
        SdkClients.RegionClients clients = sdk.region(target.region(), credentials, counts);
        Caller caller = new Caller(Pacer.real(settings.rateLimits()), workers, settings.callTimeout(),
                Duration.ofSeconds(1), Pacer.REAL_SLEEP);
        return new TargetSession(target, clients, counts, new RegionCollector(clients.api(), caller, clock));
    }

    /** Collects the target; {@code extra} adds attempts made for it elsewhere (STS) to the snapshot's counts. */
    RegionSnapshot collect(CollectionRequest request, Supplier<Map<RequestKind, Long>> extra) {
        Map<RequestKind, Long> before = counts.snapshot();
        Supplier<Map<RequestKind, Long>> attempts = () -> RequestCounts.plus(counts.since(before), extra.get());
        try {
            RegionSnapshot snapshot = collector.collect(target, request, attempts);
            if (snapshot.failure() != null) {
                LOG.warn("{}: collection failed: {}", target, snapshot.failure());
            }
            return snapshot;
        } catch (RuntimeException e) {
            // The collector handles AWS faults itself; this is a bug, but the audit goes on without the target.
            LOG.error("{}: collection broke", target, e);
            Map<RequestKind, Long> made = attempts.get();
            return RegionSnapshot.failed(target, Causes.of("collector", e), RequestCounts.byOperation(made), made);
        }
    }

    @Override
    public void close() {
        clients.close();
    }
}
