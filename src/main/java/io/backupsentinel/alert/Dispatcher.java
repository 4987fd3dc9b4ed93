package io.backupsentinel.alert;

import io.backupsentinel.model.Outbox;
import io.backupsentinel.model.OutboxEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Delivers the outbox's PagerDuty events on its own thread, oldest first, woken by {@link #wake()} when events
 * are stored and every {@code pollInterval} otherwise. A 2xx marks an event delivered; 429, 5xx and network
 * errors retry with backoff, and pause the whole channel (PagerDuty throttles and fails per service, not per
 * event); any other refusal, 400 above all, dead-letters the event with PagerDuty's reason, as does the
 * {@code maxAttempts}-th failure. Events of one dedup key go out in the order they were stored, across
 * restarts too, so a resolve never overtakes its trigger.
 */
public final class Dispatcher implements AutoCloseable {
    /** How the dispatcher paces itself; {@link #DEFAULTS} suit PagerDuty. */
    public record Options(int batchSize, Duration pollInterval, Duration connectTimeout, Duration requestTimeout,
                          Backoff backoff, int maxAttempts, Duration closeTimeout) {
        public static final Options DEFAULTS = new Options(100, Duration.ofSeconds(30), Duration.ofSeconds(5),
                Duration.ofSeconds(10), Backoff.DEFAULT, 100, Duration.ofSeconds(5));

        public Options {
            if (batchSize < 1 || maxAttempts < 1) {
                throw new IllegalArgumentException("batchSize and maxAttempts must be at least 1");
            }
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final Outbox outbox;
    private final Clock clock;
    private final Options options;
    private final EventSender sender;
    private final Duration horizon;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final Thread thread;
    private boolean woken;
    private volatile boolean running = true;
    private volatile String lastError;
    private volatile Instant lastErrorAt;
    /** Set by a failure worth retrying: until then, wake-ups do not send (PagerDuty asked us to slow down). */
    private Instant pausedUntil = Instant.MIN;

    /** A dispatcher for enabled settings; call {@link #start()} to run it. */
    public Dispatcher(PagerDutySettings settings, Outbox outbox, Clock clock, Options options) {
        if (!settings.enabled()) {
            throw new IllegalArgumentException("PagerDuty is disabled: there is nothing to dispatch");
        }
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clock = clock;
        this.options = options;
        HttpClient http = HttpClient.newBuilder().connectTimeout(options.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
        this.sender = new EventSender(http, settings.eventsUrl(), settings.routingKey(), options.requestTimeout());
        // Reading this far ahead shows events still backing off, so a later event of their key can wait for them.
        Backoff b = options.backoff();
        this.horizon = b.cap().compareTo(b.maxRetryAfter()) > 0 ? b.cap() : b.maxRetryAfter();
        this.thread = new Thread(this::run, "pagerduty-dispatcher");
        thread.setDaemon(true);
    }

    public Dispatcher start() {
        thread.start();
        return this;
    }

    /** New events were stored: deliver them now rather than at the next poll. */
    public void wake() {
        lock.lock();
        try {
            woken = true;
            signal.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public DispatchStats stats() {
        return new DispatchStats(delivered.get(), retried.get(), deadLettered.get(), lastError, lastErrorAt);
    }

    /**
     * Stops within about {@code closeTimeout}: an attempt still in flight is abandoned and its event stays in the
     * outbox, to be sent again after a restart (PagerDuty folds a repeated trigger into the open incident).
     */
    @Override
    public void close() {
        running = false;
        wake();
        try {
            thread.join(options.closeTimeout().toMillis());
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(options.closeTimeout().toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (running) {
            Instant nextWake;
            try {
                nextWake = drain();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The outbox's database may be briefly unreachable; the events wait in it, nothing is lost.
                error("the outbox failed: " + e.getMessage());
                LOG.warn("PagerDuty dispatcher: the outbox failed, trying again in {}", options.pollInterval(), e);
                nextWake = clock.instant().plus(options.pollInterval());
            }
            if (!await(nextWake)) {
                return;
            }
        }
    }

    /** Sends what is due; returns when to look again (now, when a full batch suggests more is waiting). */
    private Instant drain() throws InterruptedException {
        Instant now = clock.instant();
        if (now.isBefore(pausedUntil)) {
            return pausedUntil;
        }
        List<OutboxEvent> batch = outbox.due(PagerDutyEvents.CHANNEL, now.plus(horizon), options.batchSize());
        Instant next = now.plus(options.pollInterval());
        Set<String> blocked = new HashSet<>();
        int sent = 0;
        for (OutboxEvent e : batch) {
            if (!running) {
                break;
            }
            if (blocked.contains(e.dedupKey()) || e.nextAttemptAt().isAfter(now)) {
                // An earlier event of this key is still backing off: this one waits behind it.
                if (blocked.add(e.dedupKey()) && e.nextAttemptAt().isAfter(now) && e.nextAttemptAt().isBefore(next)) {
                    next = e.nextAttemptAt();
                }
                continue;
            }
            Instant pause = attempt(e);
            sent++;
            if (pause != null) {
                pausedUntil = pause;
                return pause;
            }
        }
        return batch.size() == options.batchSize() && sent > 0 ? clock.instant() : next;
    }

    /** One delivery attempt; returns when to resume if the channel must pause, else null. */
    private Instant attempt(OutboxEvent e) throws InterruptedException {
        Instant now = clock.instant();
        EventSender.Result r = sender.send(e, now);
        switch (r.kind()) {
            case DELIVERED -> {
                outbox.delivered(e.id(), clock.instant());
                delivered.incrementAndGet();
                LOG.info("PagerDuty accepted {} of {} (outbox event {})", e.action(), e.dedupKey(), e.id());
                return null;
            }
            case REJECTED -> {
                deadLetter(e, "PagerDuty refused it: " + r.detail());
                return null;
            }
            default -> {
                int attempts = e.attempts() + 1;
                if (attempts >= options.maxAttempts()) {
                    deadLetter(e, "gave up after " + attempts + " attempts; the last: " + r.detail());
                    return null;
                }
                Instant at = options.backoff().next(clock.instant(), attempts, r.retryAfter(),
                        () -> ThreadLocalRandom.current().nextDouble());
                outbox.retryLater(e.id(), at, r.detail());
                retried.incrementAndGet();
                error(r.detail());
                LOG.warn("PagerDuty {} of {} (outbox event {}) failed, attempt {}: {}; trying again at {}", e.action(),
                        e.dedupKey(), e.id(), attempts, r.detail(), at);
                return at;
            }
        }
    }

    private void deadLetter(OutboxEvent e, String reason) {
        outbox.deadLetter(e.id(), reason);
        deadLettered.incrementAndGet();
        error(reason);
        LOG.error("PagerDuty {} of {} (outbox event {}) dead-lettered, never to be sent again: {}", e.action(),
                e.dedupKey(), e.id(), reason);
    }

    private void error(String detail) {
        lastError = detail;
        lastErrorAt = clock.instant();
    }

    /** Waits until {@code until} or a wake-up; false when the thread must end. */
    private boolean await(Instant until) {
        lock.lock();
        try {
            while (running && !woken) {
                long millis = Duration.between(clock.instant(), until).toMillis();
                if (millis <= 0) {
                    break;
                }
                signal.await(millis, TimeUnit.MILLISECONDS);
            }
            woken = false;
            return running;
        } catch (InterruptedException e) {
            return false;
        } finally {
            lock.unlock();
        }
    }
}
