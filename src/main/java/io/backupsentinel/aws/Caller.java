package io.backupsentinel.aws;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Makes the AWS calls of one account-region: takes a rate-limit token before every request, follows page
 * tokens, and runs per-table calls on the shared {@link Workers}.
 */
final class Caller {
    /** One page of a listing, given the token of the previous page (null for the first). */
    interface PageCall<T> {
        RegionApi.Page<T> page(String token);
    }

    private final Pacer pacer;
    private final Workers workers;

    Caller(Pacer pacer, Workers workers) {
        this.pacer = pacer;
        this.workers = workers;
    }

    /** Reads every page of a listing into {@code sink}, one paced request per page. */
    <T> void pages(String operation, PageCall<T> call, Consumer<? super T> sink) throws Exception {
        String token = null;
        do {
            pacer.acquire(operation);
            String current = token;
            RegionApi.Page<T> page = workers.listing(() -> call.page(current));
            page.items().forEach(sink);
            if (page.next() != null && Objects.equals(page.next(), current)) {
                throw new IllegalStateException("the service returned the same page token twice");
            }
            token = page.next();
        } while (token != null);
    }

    /** One paced request on the current thread. */
    <T> T one(String operation, Callable<T> call) throws Exception {
        pacer.acquire(operation);
        return workers.listing(call);
    }

    /** One paced request on a worker; {@code done} gets the value or the failure. Blocks for the token. */
    <T> void async(String operation, Callable<T> call, BiConsumer<T, Throwable> done) throws InterruptedException {
        pacer.acquire(operation);
        workers.submit(call, done);
    }

    Workers workers() {
        return workers;
    }
}
