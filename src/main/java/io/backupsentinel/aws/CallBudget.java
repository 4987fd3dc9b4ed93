package io.backupsentinel.aws;

import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * What is left of a call's {@code aws.call_timeout} after its pacing wait, handed to the SDK request made
 * on this thread. {@code call_timeout} bounds the whole call — the wait for a rate-limit slot, every
 * attempt and every backoff — so the SDK gets only the remainder as its {@code apiCallTimeout}. The SDK's
 * sync clients run a call on the calling thread, which is what makes a thread-local the right carrier:
 * {@link SdkRegionApi} builds each request on the thread {@link Caller} set it on.
 */
final class CallBudget {
    private static final ThreadLocal<Duration> REMAINING = new ThreadLocal<>();

    private CallBudget() {
    }

    /** Runs {@code call} with {@code remaining} as the SDK call timeout of the requests it makes. */
    static <T> T within(Duration remaining, Callable<T> call) throws Exception {
        Duration before = REMAINING.get();
        REMAINING.set(remaining);
        try {
            return call.call();
        } finally {
            if (before == null) {
                REMAINING.remove();
            } else {
                REMAINING.set(before);
            }
        }
    }

    /** The per-request override for the current call, or null (the client's own timeouts) outside one. */
    static AwsRequestOverrideConfiguration override() {
        Duration remaining = REMAINING.get();
        if (remaining == null) {
            return null;
        }
        // At least 1 ms: the SDK reads zero as "no timeout".
        Duration timeout = remaining.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : remaining;
        return AwsRequestOverrideConfiguration.builder().apiCallTimeout(timeout).build();
    }
}
