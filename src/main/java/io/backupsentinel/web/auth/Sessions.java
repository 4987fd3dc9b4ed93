package io.backupsentinel.web.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server-side session store: a random 256-bit id maps to who logged in, the CSRF token of that session and
 * when it ends. Ids are kept as their SHA-256, so the map itself holds nothing a cookie could be rebuilt from.
 * The store is bounded: when full, expired sessions go first, then the oldest.
 */
final class Sessions {
    /** One login: who, with which role, its CSRF token and end. */
    record Session(String user, AuthSettings.Role role, String csrfToken, Instant created, Instant expires) {
    }

    private final Map<String, Session> byHash = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final int capacity;
    private final Clock clock;

    Sessions(Duration ttl, int capacity, Clock clock) {
        this.ttl = ttl;
        this.capacity = capacity;
        this.clock = clock;
    }

    /** Starts a session and returns its id (for the cookie); the id is never stored or logged. */
    String create(String user, AuthSettings.Role role) {
        Instant now = clock.instant();
        if (byHash.size() >= capacity) {
            evict(now);
        }
        String id = Secrets.random(32);
        byHash.put(Secrets.sha256(id), new Session(user, role, Secrets.random(32), now, now.plus(ttl)));
        return id;
    }

    /** The live session of an id; an expired one is removed and absent. */
    Optional<Session> find(String id) {
        if (id == null || id.isEmpty() || id.length() > 100) {
            return Optional.empty();
        }
        String key = Secrets.sha256(id);
        Session s = byHash.get(key);
        if (s == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(s.expires())) {
            byHash.remove(key);
            return Optional.empty();
        }
        return Optional.of(s);
    }

    /** Ends a session (logout, or a new login from the same browser). */
    void remove(String id) {
        if (id != null && id.length() <= 100) {
            byHash.remove(Secrets.sha256(id));
        }
    }

    /** How long a session lasts. */
    Duration ttl() {
        return ttl;
    }

    int size() {
        return byHash.size();
    }

    private synchronized void evict(Instant now) {
        byHash.values().removeIf(s -> !now.isBefore(s.expires()));
        while (byHash.size() >= capacity) {
            byHash.entrySet().stream().min(Comparator.comparing(e -> e.getValue().created()))
                    .ifPresent(e -> byHash.remove(e.getKey()));
        }
    }
}
