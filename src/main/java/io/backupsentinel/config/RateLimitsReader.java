package io.backupsentinel.config;

import io.backupsentinel.aws.AwsSettings;
import io.backupsentinel.model.Durations;
import io.backupsentinel.yaml.Suggest;
import io.backupsentinel.yaml.Text;
import io.backupsentinel.yaml.Values;
import io.backupsentinel.yaml.YMap;
import io.backupsentinel.yaml.YNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code aws.rate_limits}: a {@code scale} applied to every rate and per-operation rates (calls per second).
 * A rate so low that one paced call would wait for its turn as long as {@code call_timeout} is refused here:
 * otherwise every such call would time out, or an audit would sit silent for hours.
 */
final class RateLimitsReader {
    static final double MAX_RATE = 1_000_000;

    private RateLimitsReader() {
    }

    static AwsSettings.RateLimits read(YNode node, Duration callTimeout) {
        if (node == null) {
            return AwsSettings.RateLimits.DEFAULT;
        }
        YMap m = node.map();
        Set<String> operations = AwsSettings.RateLimits.operations();
        Map<String, YNode> entries = new LinkedHashMap<>(m.entries());
        YNode scaleNode = entries.remove("scale");
        Double scale = scaleNode == null ? Double.valueOf(1.0) : YMap.parsed(scaleNode, null, RateLimitsReader::positive);
        Map<String, Double> overrides = new LinkedHashMap<>();
        Map<String, YNode> overrideNodes = new LinkedHashMap<>();
        boolean valid = scale != null;
        for (Map.Entry<String, YNode> e : entries.entrySet()) {
            if (!operations.contains(e.getKey())) {
                m.owner().problems().add(m.keyMark(e.getKey()), e.getValue().path(), "unknown operation"
                        + Suggest.didYouMean(e.getKey(), operations) + " (scale or one of "
                        + String.join(", ", operations) + ")");
                valid = false;
                continue;
            }
            Double rate = YMap.parsed(e.getValue(), null, RateLimitsReader::positive);
            if (rate == null) {
                valid = false;
            } else {
                overrides.put(e.getKey(), rate);
                overrideNodes.put(e.getKey(), e.getValue());
            }
        }
        if (!valid) {
            return AwsSettings.RateLimits.DEFAULT;
        }
        AwsSettings.RateLimits limits = new AwsSettings.RateLimits(overrides, scale);
        refuseWaitsPastTimeout(limits, callTimeout, scaleNode == null ? node : scaleNode, overrideNodes);
        return limits;
    }

    private static double positive(String s) {
        double v = Values.decimal(s, 0, MAX_RATE);
        if (v == 0) {
            throw new IllegalArgumentException("must be a number greater than 0, got " + Text.clip(s.trim()));
        }
        return v;
    }

    /**
     * Every operation's pace, 1/rate seconds between calls, must be shorter than {@code callTimeout}. An
     * override that is too slow is reported at itself; the operations made too slow by the scale, at the scale.
     */
    private static void refuseWaitsPastTimeout(AwsSettings.RateLimits limits, Duration callTimeout, YNode scaleNode,
                                               Map<String, YNode> overrideNodes) {
        double timeout = callTimeout.toMillis() / 1000.0;
        List<String> byScale = new ArrayList<>();
        for (String op : AwsSettings.RateLimits.operations()) {
            double wait = 1 / limits.perSecond(op);
            if (wait < timeout) {
                continue;
            }
            YNode override = overrideNodes.get(op);
            if (override != null) {
                override.error(message(op, limits.perSecond(op), wait, callTimeout));
            } else {
                byScale.add(op);
            }
        }
        if (!byScale.isEmpty()) {
            // the slowest first: the one a user would notice
            byScale.sort((a, b) -> Double.compare(limits.perSecond(a), limits.perSecond(b)));
            String op = byScale.get(0);
            String others = byScale.size() == 1 ? "" : " (and " + (byScale.size() - 1) + " other operations)";
            scaleNode.error(message(op, limits.perSecond(op), 1 / limits.perSecond(op), callTimeout) + others);
        }
    }

    private static String message(String op, double rate, double waitSeconds, Duration callTimeout) {
        String wait = waitSeconds < 3.15e9 ? Durations.format(Duration.ofMillis(Math.round(waitSeconds * 1000)))
                : "more than 100 years";
        return "one paced " + op + " call would wait " + wait + " for its turn (" + Values.number(rate)
                + " calls/s), not less than call_timeout " + Durations.format(callTimeout)
                + ", so it would time out waiting; raise the rate or call_timeout";
    }
}
