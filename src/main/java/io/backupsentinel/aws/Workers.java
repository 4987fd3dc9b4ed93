package io.backupsentinel.aws;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * The threads that make AWS calls, shared by every account-region being collected. Per-table calls run on
 * a fixed pool of {@code maxConcurrency} threads; a submitter blocks while all are busy, so queues stay
 * short. Listing calls run on the phase's own thread but also take one of {@code maxConcurrency} listing
 * slots, so the HTTP connection pool (sized from the same number) is never exhausted. Threads never sleep
 * on a rate limit: the submitter waits for its token first.
 */
final class Workers implements AutoCloseable {
    private final ExecutorService calls;
    private final ExecutorService phases;
    private final Semaphore callSlots;
    private final Semaphore listingSlots;

    Workers(int maxConcurrency) {
        this.calls = Executors.newFixedThreadPool(maxConcurrency, daemon("sentinel-aws-call"));
        this.phases = Executors.newCachedThreadPool(daemon("sentinel-aws-phase"));
        this.callSlots = new Semaphore(maxConcurrency, true);
        this.listingSlots = new Semaphore(maxConcurrency, true);
    }

    /** Runs {@code call} on a worker and hands its result or failure to {@code done}; blocks while all are busy. */
    <T> void submit(Callable<T> call, BiConsumer<T, Throwable> done) throws InterruptedException {
        callSlots.acquire();
        calls.execute(() -> {
            T value = null;
            Throwable failure = null;
            try {
                value = call.call();
            } catch (Throwable t) {
                failure = t;
            } finally {
                callSlots.release();
            }
            done.accept(value, failure);
        });
    }

    /** Runs a listing call on the current thread within a listing slot. */
    <T> T listing(Callable<T> call) throws Exception {
        listingSlots.acquire();
        try {
            return call.call();
        } finally {
            listingSlots.release();
        }
    }

    /** The executor for a region's phases (listings, dispatch loops); they mostly wait. */
    ExecutorService phases() {
        return phases;
    }

    @Override
    public void close() {
        calls.shutdownNow();
        phases.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
