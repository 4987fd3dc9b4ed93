package io.backupsentinel.aws;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Makes the AWS calls of one account-region: takes a rate-limit slot before every request, follows page
 * tokens, and runs per-table calls on the shared {@link Workers}. {@code aws.call_timeout} bounds each
 * call whole: the wait for its rate-limit slot plus every SDK attempt and backoff ({@link CallBudget}); a
 * call whose slot would come later than that is not sent ({@link Pacer.Refused}). Every failure leaves
 * here as a {@link CallFailure} whose message names what came back ({@link Causes}).
 */
final class Caller {
    /** How often one page of a listing is asked for before the listing gives up on it. */
    static final int PAGE_TRIES = 3;
    private static final Logger LOG = LoggerFactory.getLogger(Caller.class);

    /** One page of a listing, given the token of the previous page (null for the first). */
    interface PageCall<T> {
        RegionApi.Page<T> page(String token);
    }

    private final Pacer pacer;
    private final Workers workers;
    private final Duration callTimeout;
    private final Duration pageBackoff;
    private final Pacer.Sleeper sleeper;

    Caller(Pacer pacer, Workers workers) {
        this(pacer, workers, AwsSettings.defaults().callTimeout(), Duration.ofSeconds(1), Pacer.REAL_SLEEP);
    }

    /**
     * @param pageBackoff the pause before asking for a failed page again, times the try number
     * @param sleeper     waits out {@code pageBackoff}; tests pass one that does not sleep
     */
    Caller(Pacer pacer, Workers workers, Duration callTimeout, Duration pageBackoff, Pacer.Sleeper sleeper) {
        this.pacer = pacer;
        this.workers = workers;
        this.callTimeout = callTimeout;
        this.pageBackoff = pageBackoff;
        this.sleeper = sleeper;
    }

    /**
     * Reads every page of a listing into {@code sink}. A page that fails with a fault that may pass
     * (throttling, 5xx, a timeout, I/O) is asked for again from its own token, up to {@link #PAGE_TRIES}
     * times, so a lost page costs a retry, not the listing; the pages before it are never read twice.
     * When a page fails for good, the {@link CallFailure} names it and how many items came before it.
     */
    <T> void pages(String operation, PageCall<T> call, Consumer<? super T> sink) throws Exception {
        String token = null;
        long items = 0;
        int number = 1;
        do {
            String current = token;
            RegionApi.Page<T> page = page(operation, number, items, () -> call.page(current));
            page.items().forEach(sink);
            items += page.items().size();
            if (page.next() != null && Objects.equals(page.next(), current)) {
                throw new IllegalStateException("the service returned the same page token twice");
            }
            token = page.next();
            number++;
        } while (token != null);
    }

    private <T> RegionApi.Page<T> page(String operation, int number, long itemsBefore,
                                       Callable<RegionApi.Page<T>> call) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return one(operation, call);
            } catch (CallFailure f) {
                // The first page too: an overloaded endpoint that misses one call_timeout often answers the
                // next. A dead one costs PAGE_TRIES call timeouts, each still bounded.
                if (!f.mayPass() || attempt >= PAGE_TRIES) {
                    String where = number == 1 ? "the first page" : "page " + number + " (after " + itemsBefore
                            + " items)";
                    throw new CallFailure(where + " failed" + (attempt > 1 ? " " + attempt + " times" : "")
                            + ": " + f.getMessage(), f.getCause(), false);
                }
                LOG.info("{}: page {} failed ({}); asking for it again from its token", operation, number,
                        f.getMessage());
                sleeper.sleepNanos(pageBackoff.multipliedBy(attempt).toNanos());
            }
        }
    }

    /** One paced request on the current thread. */
    <T> T one(String operation, Callable<T> call) throws Exception {
        Duration left;
        try {
            left = callTimeout.minus(pacer.acquire(operation, callTimeout));
        } catch (Pacer.Refused r) {
            throw new CallFailure(r.getMessage(), r, false);
        }
        try {
            return workers.listing(() -> CallBudget.within(left, call));
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw failure(e);
        }
    }

    /** One paced request on a worker; {@code done} gets the value or the failure. Blocks for the slot. */
    <T> void async(String operation, Callable<T> call, BiConsumer<T, Throwable> done) throws InterruptedException {
        Duration left;
        try {
            left = callTimeout.minus(pacer.acquire(operation, callTimeout));
        } catch (Pacer.Refused r) {
            done.accept(null, new CallFailure(r.getMessage(), r, false));
            return;
        }
        workers.submit(() -> CallBudget.within(left, call),
                (value, failure) -> done.accept(value, failure == null ? null : failure(failure)));
    }

    Workers workers() {
        return workers;
    }

    private CallFailure failure(Throwable e) {
        return e instanceof CallFailure f ? f : new CallFailure(Causes.describe(e, callTimeout), e, Causes.transient_(e));
    }

    /** A call that failed; the message is the cause a finding carries (without the operation). */
    static final class CallFailure extends Exception {
        private final boolean mayPass;

        CallFailure(String cause, Throwable sdkFailure, boolean mayPass) {
            super(cause, sdkFailure, false, false);
            this.mayPass = mayPass;
        }

        /** Whether asking again may succeed (throttling, 5xx, timeouts, I/O). */
        boolean mayPass() {
            return mayPass;
        }
    }
}
