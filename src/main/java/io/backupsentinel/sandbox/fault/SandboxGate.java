package io.backupsentinel.sandbox.fault;

import io.backupsentinel.sandbox.http.RequestContext;
import io.backupsentinel.sandbox.http.RequestGate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The sandbox's faults and limits in front of every handler: per (account, region, service, operation) token
 * buckets, added latency, random internal errors, accounts or regions that are down, and denied access.
 * Settable from a scenario ({@link #apply(FaultPlan)}) and at runtime ({@link #limit}, {@link #down},
 * {@link #clear()}…). Reads are lock-free: the rules sit behind one volatile reference and each bucket
 * locks only itself; changes replace the rules (and restart every bucket).
 */
public final class SandboxGate implements RequestGate {
    /** Waits for the injected latency; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final AtomicLong draws = new AtomicLong();
    private volatile GateRules rules = new GateRules(FaultPlan.NONE);

    public SandboxGate() {
        this(System::nanoTime, d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000));
    }

    /** A gate whose buckets read time from {@code nanoTime} and whose latency waits through {@code sleeper}. */
    public SandboxGate(LongSupplier nanoTime, Sleeper sleeper) {
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    public static SandboxGate of(FaultPlan plan) {
        SandboxGate gate = new SandboxGate();
        gate.apply(plan);
        return gate;
    }

    @Override
    public void admit(String service, String operation, RequestContext context) {
        GateRules r = rules;
        if (r.inert) {
            return;
        }
        admit(r, context.account(), context.regionName(), service, operation);
    }

    /** The same decision as {@link #admit(String, String, RequestContext)}, without a request context. */
    public void admit(String account, String region, String service, String operation) {
        GateRules r = rules;
        if (!r.inert) {
            admit(r, account, region, service, operation);
        }
    }

    private void admit(GateRules r, String account, String region, String service, String operation) {
        FaultPlan p = r.plan;
        delay(p, account, region, service, operation);
        if (GateRules.any(p.down(), account, region, service, operation)) {
            throw ServiceErrors.unavailable(service);
        }
        if (GateRules.any(p.denied(), account, region, service, operation)) {
            throw ServiceErrors.accessDenied(service, account, operation);
        }
        TokenBucket bucket = r.bucket(account, region, service, operation, nanoTime.getAsLong());
        if (bucket != null && !bucket.tryAcquire(nanoTime.getAsLong())) {
            throw ServiceErrors.throttling(service);
        }
        for (ErrorRate e : p.errorRates()) {
            if (e.selector().matches(account, region, service, operation) && draw(p.seed()) < e.rate()) {
                throw ServiceErrors.internal(service);
            }
        }
    }

    private void delay(FaultPlan p, String account, String region, String service, String operation) {
        for (Latency l : p.latencies()) {
            if (l.selector().matches(account, region, service, operation)) {
                long jitter = l.jitter().toNanos();
                long extra = jitter == 0 ? 0 : (long) (draw(p.seed()) * jitter);
                Duration wait = l.fixed().plusNanos(extra);
                if (!wait.isZero()) {
                    try {
                        sleeper.sleep(wait);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return;
            }
        }
    }

    /** A uniform number in [0, 1) from a seeded sequence (SplitMix64): repeatable for one caller thread. */
    private double draw(long seed) {
        long z = seed + draws.incrementAndGet() * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }

    /** The plan in force. */
    public FaultPlan plan() {
        return rules.plan;
    }

    /** Replaces every fault and limit with the plan's, and starts every bucket afresh. */
    public synchronized void apply(FaultPlan plan) {
        rules = new GateRules(plan);
        draws.set(0);
    }

    /** Removes every fault and limit. */
    public void clear() {
        apply(FaultPlan.NONE);
    }

    /** Switches to a named limit profile ({@code aws} or {@code off}) with every rate multiplied by {@code scale}. */
    public synchronized void profile(String name, double scale) {
        FaultPlan p = plan();
        apply(new FaultPlan(name, scale, p.limits(), p.latencies(), p.errorRates(), p.down(), p.denied(), p.seed()));
    }

    /** Limits the selected requests to {@code ratePerSecond} with bursts of {@code burst}; overrides the profile. */
    public synchronized void limit(Selector selector, double ratePerSecond, double burst) {
        FaultPlan p = plan();
        apply(new FaultPlan(p.profile(), p.scale(), plus(p.limits(), new Limit(selector, ratePerSecond, burst)),
                p.latencies(), p.errorRates(), p.down(), p.denied(), p.seed()));
    }

    public synchronized void latency(Selector selector, Duration fixed, Duration jitter) {
        FaultPlan p = plan();
        apply(new FaultPlan(p.profile(), p.scale(), p.limits(), plus(p.latencies(), new Latency(selector, fixed, jitter)),
                p.errorRates(), p.down(), p.denied(), p.seed()));
    }

    /** Makes a share (0..1) of the selected requests fail with the service's internal error. */
    public synchronized void errorRate(Selector selector, double rate) {
        FaultPlan p = plan();
        apply(new FaultPlan(p.profile(), p.scale(), p.limits(), p.latencies(),
                plus(p.errorRates(), new ErrorRate(selector, rate)), p.down(), p.denied(), p.seed()));
    }

    /** Takes an account's region down ({@code region} null: the whole account): every call fails as unavailable. */
    public void down(String account, String region) {
        down(Selector.region(account, region));
    }

    public synchronized void down(Selector selector) {
        FaultPlan p = plan();
        apply(new FaultPlan(p.profile(), p.scale(), p.limits(), p.latencies(), p.errorRates(),
                plus(p.down(), selector), p.denied(), p.seed()));
    }

    /** Brings back what {@link #down(Selector)} took down with exactly this selector. */
    public synchronized void up(Selector selector) {
        FaultPlan p = plan();
        List<Selector> down = new ArrayList<>(p.down());
        down.remove(selector);
        apply(new FaultPlan(p.profile(), p.scale(), p.limits(), p.latencies(), p.errorRates(), down, p.denied(),
                p.seed()));
    }

    /** Denies an account every call to a service ({@code service} null: to every service). */
    public void deny(String account, String service) {
        deny(new Selector(account, null, service, null));
    }

    public synchronized void deny(Selector selector) {
        FaultPlan p = plan();
        apply(new FaultPlan(p.profile(), p.scale(), p.limits(), p.latencies(), p.errorRates(), p.down(),
                plus(p.denied(), selector), p.seed()));
    }

    private static <T> List<T> plus(List<T> list, T item) {
        List<T> out = new ArrayList<>(list);
        out.add(item);
        return out;
    }
}
