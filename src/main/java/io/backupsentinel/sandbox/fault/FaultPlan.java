package io.backupsentinel.sandbox.fault;

import java.util.List;

/**
 * Every fault and limit of a sandbox, as a scenario's {@code faults:} section states it: a limit profile
 * ({@code aws} or {@code off}) scaled by {@code scale}, explicit limits that override the profile, added
 * latency, error rates, selectors that are down (every call fails as unavailable) or denied (AccessDenied),
 * and the seed for the random parts (jitter, error draws).
 */
public record FaultPlan(String profile, double scale, List<Limit> limits, List<Latency> latencies,
                        List<ErrorRate> errorRates, List<Selector> down, List<Selector> denied, long seed) {
    public static final FaultPlan NONE = new FaultPlan(LimitProfiles.OFF, 1.0, List.of(), List.of(), List.of(),
            List.of(), List.of(), 0L);

    public FaultPlan {
        if (!LimitProfiles.NAMES.contains(profile)) {
            throw new IllegalArgumentException("unknown limit profile '" + profile + "': use one of "
                    + LimitProfiles.NAMES);
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("a scale must be a positive number, got " + scale);
        }
        limits = List.copyOf(limits);
        latencies = List.copyOf(latencies);
        errorRates = List.copyOf(errorRates);
        down = List.copyOf(down);
        denied = List.copyOf(denied);
    }

    /** The limits in force: the profile's, then the explicit ones, all scaled. */
    public List<Limit> effectiveLimits() {
        List<Limit> all = new java.util.ArrayList<>(LimitProfiles.limits(profile));
        all.addAll(limits);
        return all.stream().map(l -> l.scaled(scale)).toList();
    }
}
