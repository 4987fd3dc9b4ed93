package io.backupsentinel.sandbox.scenario;

import io.backupsentinel.yaml.YMap;
import io.backupsentinel.yaml.YNode;
import io.backupsentinel.sandbox.fault.ErrorRate;
import io.backupsentinel.sandbox.fault.FaultPlan;
import io.backupsentinel.sandbox.fault.Latency;
import io.backupsentinel.sandbox.fault.Limit;
import io.backupsentinel.sandbox.fault.LimitProfiles;
import io.backupsentinel.sandbox.fault.Selector;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code faults:} section into a {@link FaultPlan}. Every entry selects requests with optional
 * {@code account}, {@code region}, {@code service} and {@code operation} keys (absent: any).
 */
final class FaultReader {
    static final List<String> SERVICES = List.of("dynamodb", "backup", "tagging", "sts");

    private FaultReader() {
    }

    static FaultPlan read(YNode node, long defaultSeed) {
        YMap m = node.map();
        String profile = m.oneOf("profile", LimitProfiles.OFF, List.of(LimitProfiles.AWS, LimitProfiles.OFF));
        double scale = m.decimal("scale", 1.0, 1e-6, 1e6);
        long seed = m.integer("seed", defaultSeed, Long.MIN_VALUE, Long.MAX_VALUE);
        List<Limit> limits = new ArrayList<>();
        for (YNode n : m.list("limits")) {
            YMap l = n.map();
            Selector s = selector(l);
            Double rate = l.decimal("rate", null, 0, 1e9);
            if (!l.has("rate")) {
                l.missing("rate");
            } else if (rate != null && rate > 0 && rate < 1e-6) {
                // Below one request in 11 days is a typo, not a limit; 0 is the explicit "throttle everything".
                l.get("rate").error("must be 0 (throttle every request) or at least 0.000001, got " + rate);
            }
            boolean never = rate != null && rate == 0;
            if (never && l.has("burst")) {
                l.get("burst").error("a rate of 0 throttles every request and takes no burst");
            }
            Double burst = never ? Double.valueOf(0) : l.decimal("burst", rate == null ? null : Math.max(1, rate), 1, 1e9);
            l.finish();
            if (rate != null && burst != null && (never || rate >= 1e-6)) {
                limits.add(new Limit(s, rate, burst));
            }
        }
        List<Latency> latencies = new ArrayList<>();
        for (YNode n : m.list("latency")) {
            YMap l = n.map();
            Selector s = selector(l);
            Duration fixed = l.duration("fixed", Duration.ZERO);
            Duration jitter = l.duration("jitter", Duration.ZERO);
            l.finish();
            latencies.add(new Latency(s, fixed, jitter));
        }
        List<ErrorRate> errors = new ArrayList<>();
        for (YNode n : m.list("errors")) {
            YMap l = n.map();
            Selector s = selector(l);
            Double rate = l.decimal("rate", null, 0, 1);
            if (!l.has("rate")) {
                l.missing("rate");
            }
            l.finish();
            if (rate != null) {
                errors.add(new ErrorRate(s, rate));
            }
        }
        List<Selector> down = selectors(m.list("down"));
        List<Selector> denied = selectors(m.list("access_denied"));
        m.finish();
        return new FaultPlan(profile, scale, limits, latencies, errors, down, denied, seed);
    }

    private static List<Selector> selectors(List<YNode> nodes) {
        List<Selector> out = new ArrayList<>();
        for (YNode n : nodes) {
            YMap l = n.map();
            out.add(selector(l));
            l.finish();
        }
        return out;
    }

    private static Selector selector(YMap m) {
        String account = m.str("account");
        if (account != null && !account.matches("\\d{12}|\\*")) {
            m.get("account").error("must be 12 digits or *, got '" + account + "'");
        }
        String service = m.oneOf("service", null, SERVICES);
        return new Selector(account, m.str("region"), service, m.str("operation"));
    }
}
