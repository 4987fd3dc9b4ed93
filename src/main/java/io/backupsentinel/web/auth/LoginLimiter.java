package io.backupsentinel.web.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins (form or basic auth) per client address and per user name, and refuses further attempts
 * for a key that failed {@code limit} times within {@code window}, until the oldest failure leaves the window.
 * Per-address limits slow one guesser; per-name limits slow many addresses guessing one account. The number of
 * keys is bounded so that a flood of addresses cannot grow it without end.
 */
final class LoginLimiter {
    private final int limit;
    private final Duration window;
    private final int maxKeys;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginLimiter(int limit, Duration window, int maxKeys, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    /** How long until an attempt for this address and name is allowed again; empty when allowed now. */
    Optional<Duration> blocked(String address, String user) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (String key : keys(address, user)) {
            Deque<Instant> d = failures.get(key);
            if (d == null) {
                continue;
            }
            synchronized (d) {
                prune(d, now);
                if (d.size() >= limit) {
                    Duration left = Duration.between(now, d.peekFirst().plus(window));
                    wait = left.compareTo(wait) > 0 ? left : wait;
                }
            }
        }
        return wait.isZero() || wait.isNegative() ? Optional.empty() : Optional.of(wait);
    }

    void failed(String address, String user) {
        Instant now = clock.instant();
        if (failures.size() >= maxKeys) {
            failures.values().removeIf(d -> {
                synchronized (d) {
                    prune(d, now);
                    return d.isEmpty();
                }
            });
        }
        for (String key : keys(address, user)) {
            if (failures.size() >= maxKeys && !failures.containsKey(key)) {
                continue; // full of live keys: the other key of this attempt still counts it
            }
            Deque<Instant> d = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (d) {
                d.addLast(now);
                while (d.size() > limit) {
                    d.removeFirst();
                }
            }
        }
    }

    /** A success clears the name's count (not the address's: one right password must not reset a spray). */
    void succeeded(String user) {
        failures.remove("user:" + user);
    }

    private static String[] keys(String address, String user) {
        return user == null || user.isEmpty() ? new String[]{"addr:" + address}
                : new String[]{"addr:" + address, "user:" + user};
    }

    private void prune(Deque<Instant> d, Instant now) {
        Instant oldest = now.minus(window);
        while (!d.isEmpty() && !d.peekFirst().isAfter(oldest)) {
            d.removeFirst();
        }
    }
}
