package io.backupsentinel.alert;

import io.backupsentinel.model.Outbox;
import io.backupsentinel.model.OutboxEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@link Outbox} port in memory, for dispatcher tests: keeps every event with its fate (pending, delivered or
 * dead-lettered) and every retry it was told about.
 */
final class InMemoryOutbox implements Outbox {
    enum Fate { PENDING, DELIVERED, DEAD }

    record Retry(long id, Instant next, String error, Instant at) {
    }

    private final Map<Long, OutboxEvent> events = new TreeMap<>();
    private final Map<Long, Fate> fates = new TreeMap<>();
    private final Map<Long, String> reasons = new TreeMap<>();
    private final List<Retry> retries = new ArrayList<>();
    private long nextId = 1;
    private int dueCalls;

    synchronized long append(OutboxEvent e) {
        long id = nextId++;
        events.put(id, new OutboxEvent(id, e.channel(), e.dedupKey(), e.action(), e.payload(), e.createdAt(),
                e.attempts(), e.nextAttemptAt(), e.lastError()));
        fates.put(id, Fate.PENDING);
        return id;
    }

    @Override
    public synchronized List<OutboxEvent> due(String channel, Instant now, int max) {
        dueCalls++;
        return events.values().stream()
                .filter(e -> e.channel().equals(channel) && fates.get(e.id()) == Fate.PENDING
                        && !e.nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparingLong(OutboxEvent::id)).limit(max).toList();
    }

    @Override
    public synchronized void delivered(long id, Instant at) {
        fates.put(id, Fate.DELIVERED);
    }

    @Override
    public synchronized void retryLater(long id, Instant next, String error) {
        OutboxEvent e = events.get(id);
        events.put(id, new OutboxEvent(id, e.channel(), e.dedupKey(), e.action(), e.payload(), e.createdAt(),
                e.attempts() + 1, next, error));
        retries.add(new Retry(id, next, error, Instant.now()));
    }

    @Override
    public synchronized void deadLetter(long id, String reason) {
        fates.put(id, Fate.DEAD);
        reasons.put(id, reason);
    }

    @Override
    public synchronized long depth(String channel) {
        return events.values().stream()
                .filter(e -> e.channel().equals(channel) && fates.get(e.id()) == Fate.PENDING).count();
    }

    /** How often a dispatcher has looked for due events. */
    synchronized int dueCalls() {
        return dueCalls;
    }

    synchronized Fate fate(long id) {
        return fates.get(id);
    }

    synchronized String reason(long id) {
        return reasons.get(id);
    }

    synchronized OutboxEvent event(long id) {
        return events.get(id);
    }

    synchronized List<Retry> retries() {
        return List.copyOf(retries);
    }
}
