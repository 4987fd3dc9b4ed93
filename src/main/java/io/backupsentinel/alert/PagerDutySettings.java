package io.backupsentinel.alert;

import io.backupsentinel.model.Severity;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the daemon pages through PagerDuty's Events API v2. The routing key comes from the environment or a
 * secret file ({@link RoutingKey}), never from rules; {@link #toString()} never shows it.
 *
 * @param enabled         whether findings page at all
 * @param eventsUrl       where events are POSTed (PagerDuty's, or a compatible receiver in tests)
 * @param routingKey      the Events API v2 integration key; null only when disabled
 * @param deployment      names this Sentinel in dedup keys, so two deployments sharing a key never merge
 * @param minimumSeverity rules at or above this severity page when NON_COMPLIANT
 * @param pagingChecks    checks that page whatever their rule's severity
 * @param statusPageUrl   base URL of the status page, for links; null when there is none
 * @param blindAfter      how long every finding of an account-region must stay UNKNOWN before "audit blind" pages
 * @param blindEvents     whether "audit blind" events are sent at all
 */
public record PagerDutySettings(boolean enabled, URI eventsUrl, String routingKey, String deployment,
                                Severity minimumSeverity, Set<String> pagingChecks, URI statusPageUrl,
                                Duration blindAfter, boolean blindEvents) {
    public static final URI DEFAULT_EVENTS_URL = URI.create("https://events.pagerduty.com/v2/enqueue");
    public static final String DEFAULT_DEPLOYMENT = "backup-sentinel";
    public static final Duration DEFAULT_BLIND_AFTER = Duration.ofHours(1);
    /** Below this, one failed collection could page: "blind" must mean a lasting outage, never a single miss. */
    public static final Duration MINIMUM_BLIND_AFTER = Duration.ofMinutes(1);
    /** Letters, digits, dot, dash and underscore: dedup keys join the name with '/' and must stay unambiguous. */
    static final Pattern DEPLOYMENT = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public PagerDutySettings {
        Objects.requireNonNull(eventsUrl, "eventsUrl");
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(minimumSeverity, "minimumSeverity");
        Objects.requireNonNull(blindAfter, "blindAfter");
        pagingChecks = Set.copyOf(pagingChecks);
        String scheme = eventsUrl.getScheme();
        if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme) || eventsUrl.getHost() == null) {
            throw new IllegalArgumentException("the PagerDuty events URL must be an http(s) URL, not '" + eventsUrl + "'");
        }
        if (statusPageUrl != null && !"https".equalsIgnoreCase(statusPageUrl.getScheme())
                && !"http".equalsIgnoreCase(statusPageUrl.getScheme())) {
            throw new IllegalArgumentException("the status page URL must be an http(s) URL, not '" + statusPageUrl + "'");
        }
        if (!DEPLOYMENT.matcher(deployment).matches()) {
            throw new IllegalArgumentException("the deployment name '" + deployment + "' must be 1 to 64 letters,"
                    + " digits, '.', '-' or '_'");
        }
        if (blindAfter.compareTo(MINIMUM_BLIND_AFTER) < 0) {
            throw new IllegalArgumentException("blind_after must be at least 1m, so a single missed collection never"
                    + " pages; it is " + blindAfter);
        }
        if (enabled) {
            RoutingKey.check(routingKey, "the PagerDuty routing key");
        }
    }

    /** The defaults, disabled, without a routing key. */
    public static PagerDutySettings defaults() {
        return new PagerDutySettings(false, DEFAULT_EVENTS_URL, null, DEFAULT_DEPLOYMENT, Severity.CRITICAL,
                Set.of("rpo"), null, DEFAULT_BLIND_AFTER, true);
    }

    /** These settings, enabled, with this routing key. */
    public PagerDutySettings enabledWith(String key) {
        return new PagerDutySettings(true, eventsUrl, key, deployment, minimumSeverity, pagingChecks, statusPageUrl,
                blindAfter, blindEvents);
    }

    /** These settings, sending to another events URL (a compatible receiver in tests). */
    public PagerDutySettings withEventsUrl(URI url) {
        return new PagerDutySettings(enabled, url, routingKey, deployment, minimumSeverity, pagingChecks, statusPageUrl,
                blindAfter, blindEvents);
    }

    /** Whether a NON_COMPLIANT finding of this severity and check pages. */
    public boolean pages(Severity severity, String check) {
        return severity != null && severity.compareTo(minimumSeverity) <= 0 || pagingChecks.contains(check);
    }

    /** Never shows the routing key, so logging the settings is safe. */
    @Override
    public String toString() {
        return "PagerDutySettings[enabled=" + enabled + ", eventsUrl=" + eventsUrl + ", routingKey="
                + (routingKey == null ? "none" : "<redacted>") + ", deployment=" + deployment + ", minimumSeverity="
                + minimumSeverity.label() + ", pagingChecks=" + pagingChecks + ", statusPageUrl=" + statusPageUrl
                + ", blindAfter=" + blindAfter + ", blindEvents=" + blindEvents + "]";
    }
}
