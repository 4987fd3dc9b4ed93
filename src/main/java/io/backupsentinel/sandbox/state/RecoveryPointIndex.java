package io.backupsentinel.sandbox.state;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A region's AWS Backup recovery points by ARN, with two listing orders kept up to date on every change:
 * per vault and per resource, newest first ({@link #listingKey}). A listing page then walks only the page
 * (from its token's key on), not every point of the region, which at 140,000 points took half a second.
 * Writes go through the map's own methods (put, remove, compute…) and are serialised; reads are lock-free.
 */
public final class RecoveryPointIndex extends ConcurrentSkipListMap<String, RecoveryPoint> {
    private static final long serialVersionUID = 1L;
    private final ConcurrentSkipListMap<String, NavigableMap<String, RecoveryPoint>> byVault = new ConcurrentSkipListMap<>();
    private final ConcurrentSkipListMap<String, NavigableMap<String, RecoveryPoint>> byResource = new ConcurrentSkipListMap<>();

    /** The order of AWS Backup's listings: newer points first, ties broken by ARN. */
    public static String listingKey(Instant created, String id) {
        long newerFirst = Long.MAX_VALUE - created.toEpochMilli();
        if (newerFirst < 0) {
            return String.format("%019d|%s", newerFirst, id);
        }
        // As "%019d|%s", without the formatter: listings build keys often.
        String digits = Long.toString(newerFirst);
        return "0".repeat(19 - digits.length()) + digits + "|" + id;
    }

    public static String listingKey(RecoveryPoint rp) {
        return listingKey(rp.created(), rp.arn());
    }

    /** The vault's points, newest first, keyed by {@link #listingKey}; empty for a vault without points. */
    public NavigableMap<String, RecoveryPoint> inVault(String vaultName) {
        return Collections.unmodifiableNavigableMap(byVault.getOrDefault(vaultName, Collections.emptyNavigableMap()));
    }

    /** The resource's points across the region's vaults, newest first, keyed by {@link #listingKey}. */
    public NavigableMap<String, RecoveryPoint> ofResource(String resourceArn) {
        return Collections.unmodifiableNavigableMap(byResource.getOrDefault(resourceArn, Collections.emptyNavigableMap()));
    }

    /** Every resource with a point, by ARN, each with its points newest first. */
    public NavigableMap<String, NavigableMap<String, RecoveryPoint>> byResource() {
        return Collections.unmodifiableNavigableMap(byResource);
    }

    @Override
    public synchronized RecoveryPoint put(String arn, RecoveryPoint rp) {
        Objects.requireNonNull(rp, "recovery point");
        RecoveryPoint old = super.put(arn, rp);
        unindex(old);
        index(rp);
        return old;
    }

    @Override
    public synchronized RecoveryPoint putIfAbsent(String arn, RecoveryPoint rp) {
        RecoveryPoint old = get(arn);
        return old != null ? old : put(arn, rp);
    }

    @Override
    public synchronized RecoveryPoint remove(Object arn) {
        RecoveryPoint old = super.remove(arn);
        unindex(old);
        return old;
    }

    @Override
    public synchronized boolean remove(Object arn, Object rp) {
        if (rp != null && rp.equals(get(arn))) {
            remove(arn);
            return true;
        }
        return false;
    }

    @Override
    public synchronized RecoveryPoint replace(String arn, RecoveryPoint rp) {
        return containsKey(arn) ? put(arn, rp) : null;
    }

    @Override
    public synchronized boolean replace(String arn, RecoveryPoint old, RecoveryPoint rp) {
        if (old.equals(get(arn))) {
            put(arn, rp);
            return true;
        }
        return false;
    }

    @Override
    public synchronized RecoveryPoint compute(String arn,
                                              BiFunction<? super String, ? super RecoveryPoint, ? extends RecoveryPoint> f) {
        RecoveryPoint next = f.apply(arn, get(arn));
        if (next == null) {
            remove(arn);
        } else {
            put(arn, next);
        }
        return next;
    }

    @Override
    public synchronized RecoveryPoint computeIfAbsent(String arn, Function<? super String, ? extends RecoveryPoint> f) {
        RecoveryPoint old = get(arn);
        return old != null ? old : compute(arn, (k, v) -> f.apply(k));
    }

    @Override
    public synchronized RecoveryPoint computeIfPresent(String arn,
                                                       BiFunction<? super String, ? super RecoveryPoint, ? extends RecoveryPoint> f) {
        return get(arn) == null ? null : compute(arn, f);
    }

    @Override
    public synchronized RecoveryPoint merge(String arn, RecoveryPoint rp,
                                            BiFunction<? super RecoveryPoint, ? super RecoveryPoint, ? extends RecoveryPoint> f) {
        RecoveryPoint old = get(arn);
        return compute(arn, (k, v) -> old == null ? rp : f.apply(old, rp));
    }

    @Override
    public synchronized void replaceAll(BiFunction<? super String, ? super RecoveryPoint, ? extends RecoveryPoint> f) {
        for (Map.Entry<String, RecoveryPoint> e : entrySet()) {
            put(e.getKey(), f.apply(e.getKey(), e.getValue()));
        }
    }

    @Override
    public synchronized Map.Entry<String, RecoveryPoint> pollFirstEntry() {
        Map.Entry<String, RecoveryPoint> e = firstEntry();
        return e == null ? null : Map.entry(e.getKey(), remove(e.getKey()));
    }

    @Override
    public synchronized Map.Entry<String, RecoveryPoint> pollLastEntry() {
        Map.Entry<String, RecoveryPoint> e = lastEntry();
        return e == null ? null : Map.entry(e.getKey(), remove(e.getKey()));
    }

    @Override
    public synchronized void clear() {
        super.clear();
        byVault.clear();
        byResource.clear();
    }

    private void index(RecoveryPoint rp) {
        String key = listingKey(rp);
        byVault.computeIfAbsent(rp.vaultName(), v -> new ConcurrentSkipListMap<>()).put(key, rp);
        byResource.computeIfAbsent(rp.resourceArn(), r -> new ConcurrentSkipListMap<>()).put(key, rp);
    }

    private void unindex(RecoveryPoint rp) {
        if (rp == null) {
            return;
        }
        String key = listingKey(rp);
        drop(byVault, rp.vaultName(), key);
        drop(byResource, rp.resourceArn(), key);
    }

    private static void drop(ConcurrentSkipListMap<String, NavigableMap<String, RecoveryPoint>> index, String group,
                             String key) {
        NavigableMap<String, RecoveryPoint> points = index.get(group);
        if (points != null) {
            points.remove(key);
            if (points.isEmpty()) {
                index.remove(group);
            }
        }
    }
}
