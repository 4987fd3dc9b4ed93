package io.backupsentinel.store;

import io.backupsentinel.model.AuditRun;
import io.backupsentinel.model.Finding;
import io.backupsentinel.model.FindingKey;
import io.backupsentinel.model.History;
import io.backupsentinel.model.OutboxEvent;
import io.backupsentinel.model.PostureChange;
import io.backupsentinel.model.Transition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A {@link History} that keeps the daemon running while the database is away (PostgreSQL restarting, the
 * network gone). A write is tried at once; when it fails with a fault that waiting may cure
 * ({@link StoreException#transientFault()}), it and every later write are queued in memory, in order, and a
 * background thread retries the oldest with exponential backoff until the database is back, then drains
 * the queue in order. {@link #depth()} says how many writes wait.
 *
 * <p>While nothing is queued a write is durable when {@code append} returns, as {@link History} promises;
 * while writes are queued it is not: <b>the queue lives in memory and is lost if the process dies during
 * the outage</b>. A fault that waiting cannot cure (a bug, a constraint) is thrown to the caller when
 * nothing is queued; once queued, a write is retried until it succeeds, its error logged and kept in
 * {@link #lastError()}.
 */
public final class ResilientHistory implements History, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ResilientHistory.class);
    private final History delegate;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private final Deque<Write> queue = new ArrayDeque<>();
    private final Object lock = new Object();
    private final Thread worker;
    private volatile String lastError;
    /** The queue's size, readable without the lock: a metrics scrape must not wait behind a slow write. */
    private volatile int depth;
    private boolean closed;

    /** One queued write and, for {@link #current()} and {@link #latestPosture}, what it carries. */
    private record Write(Consumer<History> action, List<Transition> transitions, List<PostureChange> changes) {
    }

    public ResilientHistory(History delegate, Duration minBackoff, Duration maxBackoff) {
        this.delegate = delegate;
        this.minBackoff = minBackoff;
        this.maxBackoff = maxBackoff;
        this.worker = new Thread(this::drain, "history-retry");
        worker.setDaemon(true);
        worker.start();
    }

    /** Retries after 200 ms at first, doubling up to 30 s. */
    public ResilientHistory(History delegate) {
        this(delegate, Duration.ofMillis(200), Duration.ofSeconds(30));
    }

    @Override
    public void append(List<Transition> transitions, List<PostureChange> changes, List<OutboxEvent> events) {
        List<Transition> t = List.copyOf(transitions);
        List<PostureChange> c = List.copyOf(changes);
        List<OutboxEvent> e = List.copyOf(events);
        write(new Write(h -> h.append(t, c, e), t, c));
    }

    @Override
    public void appendRun(AuditRun run) {
        write(new Write(h -> h.appendRun(run), List.of(), List.of()));
    }

    private void write(Write w) {
        synchronized (lock) {
            if (closed) {
                throw new StoreException("the history is closed");
            }
            if (queue.isEmpty()) {
                try {
                    w.action().accept(delegate);
                    return;
                } catch (StoreException e) {
                    if (!e.transientFault()) {
                        throw e;
                    }
                    lastError = e.getMessage();
                    LOG.warn("History unavailable, queueing writes in memory until it is back: {}", e.getMessage());
                }
            }
            queue.addLast(w);
            depth = queue.size();
            lock.notifyAll();
        }
    }

    /** The open findings as stored, with the queued transitions applied on top. */
    @Override
    public Map<FindingKey, Finding> current() {
        Map<FindingKey, Finding> stored = delegate.current();
        synchronized (lock) {
            OpenSet open = new OpenSet(stored);
            queue.forEach(w -> w.transitions().forEach(open::apply));
            return open.asMap();
        }
    }

    /** The stored latest posture changes of {@code aspect}, with the queued ones on top. */
    @Override
    public List<PostureChange> latestPosture(PostureChange.Aspect aspect) {
        List<PostureChange> stored = delegate.latestPosture(aspect);
        synchronized (lock) {
            Map<String, PostureChange> byTable = new java.util.LinkedHashMap<>();
            stored.forEach(p -> byTable.put(p.table().arn(), p));
            queue.forEach(w -> w.changes().stream().filter(p -> p.aspect() == aspect)
                    .forEach(p -> byTable.put(p.table().arn(), p)));
            return List.copyOf(byTable.values());
        }
    }

    /** Writes waiting for the database. */
    public int depth() {
        return depth;
    }

    /** Why the last attempt failed; null once the database took every queued write. */
    public String lastError() {
        return lastError;
    }

    /** Waits until every queued write is stored, at most {@code timeout}; true if the queue is empty. */
    public boolean flush(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!queue.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    private void drain() {
        Duration backoff = minBackoff;
        while (true) {
            Write next;
            synchronized (lock) {
                while (queue.isEmpty() && !closed) {
                    waitQuietly(0);
                }
                if (closed) {
                    return;
                }
                next = queue.peekFirst();
            }
            try {
                next.action().accept(delegate);
                synchronized (lock) {
                    queue.pollFirst();
                    depth = queue.size();
                    if (queue.isEmpty()) {
                        lastError = null;
                        LOG.info("History available again: every queued write is stored");
                    }
                    lock.notifyAll();
                }
                backoff = minBackoff;
            } catch (RuntimeException e) {
                lastError = e.getMessage();
                LOG.warn("History still unavailable ({} writes queued), retrying in {} ms: {}", depth(),
                        backoff.toMillis(), e.getMessage());
                synchronized (lock) {
                    if (!closed) {
                        waitQuietly(backoff.toMillis());
                    }
                }
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
    }

    private void waitQuietly(long millis) {
        try {
            lock.wait(millis);
        } catch (InterruptedException e) {
            closed = true;
            Thread.currentThread().interrupt();
        }
    }

    /** Stops retrying; writes still queued are lost (call {@link #flush} first). Does not close the delegate. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        try {
            worker.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
