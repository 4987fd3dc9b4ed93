package io.backupsentinel.config;

import io.backupsentinel.aws.AwsSettings;
import io.backupsentinel.yaml.Text;
import io.backupsentinel.yaml.YMap;
import io.backupsentinel.yaml.YNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code aws:} section into {@link AwsSettings}: regions, accounts, session name, rate limits, concurrency
 * and timeouts. Endpoint and credentials are not settable here: they come from the SDK's own settings.
 */
final class AwsSection implements SectionReader<AwsSettings> {
    static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    /** STS RoleSessionName: 2 to 64 of letters, digits and +=,.@- . */
    static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    static final Duration SHORTEST_TIMEOUT = Duration.ofSeconds(1);
    static final Duration LONGEST_TIMEOUT = Duration.ofHours(1);
    static final long MAX_CONCURRENCY = 1024;

    @Override
    public String key() {
        return "aws";
    }

    @Override
    public AwsSettings read(YNode node, Path base) {
        AwsSettings d = AwsSettings.defaults();
        if (node == null) {
            return d;
        }
        YMap m = node.map();
        List<String> regions = regions(m.get("regions"));
        List<AwsSettings.Account> accounts = AccountsReader.read(m.get("accounts"));
        YNode sessionNode = m.get("session_name");
        String sessionName = sessionNode == null ? d.sessionName() : sessionName(sessionNode, d.sessionName());
        int maxConcurrency = m.integer("max_concurrency", (long) d.maxConcurrency(), 1, MAX_CONCURRENCY).intValue();
        Duration callTimeout = m.duration("call_timeout", d.callTimeout(), SHORTEST_TIMEOUT, LONGEST_TIMEOUT);
        Duration attemptTimeout = m.duration("attempt_timeout", d.attemptTimeout(), SHORTEST_TIMEOUT, LONGEST_TIMEOUT);
        AwsSettings.RateLimits limits = RateLimitsReader.read(m.get("rate_limits"), callTimeout);
        m.finish();
        return new AwsSettings(regions, accounts, sessionName, limits, maxConcurrency, callTimeout, attemptTimeout,
                null, null);
    }

    /** The session name checked as STS will check it, so a bad one fails here rather than in every account. */
    static String sessionName(YNode node, String dflt) {
        String s = node.text();
        if (s == null) {
            return dflt;
        }
        if (!SESSION_NAME.matcher(s).matches()) {
            node.error("'" + Text.clip(s) + "' is not a valid STS session name: 2 to 64 letters, digits or +=,.@-");
            return dflt;
        }
        return s;
    }

    private static List<String> regions(YNode node) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        for (YNode item : node.list()) {
            String r = item.text();
            if (r == null) {
                continue;
            }
            if (!REGION.matcher(r).matches()) {
                item.error("'" + Text.clip(r) + "' is not a region name, e.g. us-east-1");
            } else if (out.contains(r)) {
                item.error("'" + r + "' is listed twice");
            } else {
                out.add(r);
            }
        }
        return out;
    }
}
