package io.backupsentinel.metrics;

import io.backupsentinel.model.AuditRun;
import io.backupsentinel.model.Finding;
import io.backupsentinel.model.TableFacts;
import io.backupsentinel.model.TableRef;
import io.backupsentinel.model.Target;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * What the rest of the daemon tells the metrics, and the {@code /metrics} text built from it. Every method
 * is thread-safe and cheap for the caller except {@link #findings} and {@link #facts}, which render their
 * part of the exposition once so that scrapes only copy bytes.
 *
 * <p>The fleet families (findings, ages, RPO targets, restore tests, backup storage) are written by hand because
 * at 10,000 tables × 12 rules they are ~290,000 series; the self-metrics and JVM metrics come from Micrometer.
 */
public final class SentinelMetrics implements AutoCloseable {
    /** The Prometheus text exposition format this class writes. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Clock clock;
    private final FindingSeries findings;
    private final TableSeries tables;
    private final StorageSeries storage;
    private final SelfMetrics self;

    public SentinelMetrics(MetricsSettings settings, RecoveryTimes times, Clock clock) {
        this.clock = clock;
        this.findings = new FindingSeries(settings.perTableFindings());
        this.tables = new TableSeries(times);
        this.storage = new StorageSeries(settings.perTableFindings());
        this.self = new SelfMetrics(settings.version(), settings.revision());
    }

    /** Replaces every finding series of {@code rule} with {@code current}; an empty list removes the rule. */
    public void findings(String rule, List<Finding> current) {
        findings.replace(rule, current);
    }

    /**
     * Replaces the per-table series (ages, RPO targets, restore tests) of every account-region in
     * {@code collected} with those of its tables in {@code facts}: a table missing from {@code facts} is gone.
     * Call it only for account-regions collected without failure; the others keep their last points, whose
     * ages go on growing.
     *
     * @param rpoTargets the RPO (max_age of the rpo rule) of each table that has one
     */
    public void facts(Collection<Target> collected, List<TableFacts> facts, Map<TableRef, Duration> rpoTargets) {
        tables.replace(collected, facts, rpoTargets);
    }

    /** {@link #facts(Collection, List, Map)} for the account-regions that {@code facts} covers. */
    public void facts(List<TableFacts> facts, Map<TableRef, Duration> rpoTargets) {
        Collection<Target> targets = new LinkedHashSet<>();
        facts.forEach(f -> targets.add(f.table().target()));
        facts(targets, facts, rpoTargets);
    }

    /**
     * Replaces the backup storage series (bytes and estimated monthly cost per source) of every account-region in
     * {@code collected} with those of {@code tables}. Nothing is published while per-table series are off.
     */
    public void storage(Collection<Target> collected, List<TableStorage> tables) {
        storage.replace(collected, tables);
    }

    /** One audit done: its duration, the rules' last audit time, and each account-region's collection. */
    public void run(AuditRun run) {
        self.run(run);
    }

    /** The rules now loaded: their count, and rules that left the set lose their series. */
    public void rules(Collection<String> loaded) {
        self.rulesLoaded(loaded.size());
        self.retainRules(loaded);
        java.util.Set<String> keep = java.util.Set.copyOf(loaded);
        findings.retain(keep::contains);
    }

    /** A rule reload was rejected (the old set stays). */
    public void ruleReloadFailed() {
        self.ruleReloadFailed();
    }

    /** How long collecting one firing's facts took. */
    public void collection(Duration took) {
        self.collection(took);
    }

    /** How long evaluating rules against collected facts took. */
    public void evaluation(Duration took) {
        self.evaluation(took);
    }

    /**
     * {@code count} AWS requests of {@code service} (e.g. "dynamodb") and {@code operation} (e.g.
     * "DescribeContinuousBackups") ended with {@code outcome}, one of {@link Meters#AWS_OUTCOMES}.
     */
    public void awsRequests(String service, String operation, String outcome, long count) {
        self.awsRequests(service, operation, outcome, count);
    }

    /** Alert events waiting in the outbox. */
    public void outboxDepth(long events) {
        self.outboxDepth(events);
    }

    /** An alert delivery failed; {@code deadLettered} when it will not be retried. */
    public void alertDeliveryFailed(boolean deadLettered) {
        self.deliveryFailures(deadLettered).increment();
    }

    /** History records waiting to be written. */
    public void historyQueueDepth(long records) {
        self.historyQueueDepth(records);
    }

    /** Writes the whole exposition, gzip-compressed when {@code gzip}; returns the bytes written. */
    public long writeTo(OutputStream out, boolean gzip) throws IOException {
        long n = 0;
        for (byte[] part : parts(gzip)) {
            out.write(part);
            n += part.length;
        }
        return n;
    }

    /** The parts of one scrape in order; their concatenation is the response body. */
    public List<byte[]> parts(boolean gzip) {
        List<Chunk> chunks = new ArrayList<>();
        findings.appendTo(chunks);
        tables.appendTo(chunks, clock.instant());
        storage.appendTo(chunks);
        List<byte[]> out = new ArrayList<>(chunks.size() + 1);
        for (Chunk c : chunks) {
            byte[] b = c.bytes(gzip);
            if (b.length > 0) {
                out.add(b);
            }
        }
        // Micrometer's part is small and changes on every scrape: compressed only when asked for.
        byte[] self = this.self.scrape();
        out.add(gzip ? Chunk.of(self).gzip() : self);
        return out;
    }

    /** The exposition as text, for tests and small fleets. */
    public String scrape() {
        StringBuilder sb = new StringBuilder();
        parts(false).forEach(p -> sb.append(new String(p, StandardCharsets.UTF_8)));
        return sb.toString();
    }

    @Override
    public void close() {
        tables.close();
        self.close();
    }
}
