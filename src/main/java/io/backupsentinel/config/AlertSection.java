package io.backupsentinel.config;

import io.backupsentinel.alert.PagerDutySettings;
import io.backupsentinel.alert.RoutingKey;
import io.backupsentinel.model.Severity;
import io.backupsentinel.yaml.YMap;
import io.backupsentinel.yaml.YNode;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code alert:} section, today its {@code pagerduty:} part. The routing key comes from
 * {@code routing_key_file} or the environment variable {@value RoutingKey#ENVIRONMENT_VARIABLE}, never from this
 * file; paging is on when {@code enabled: true}, or when the section is absent and the variable is set.
 */
final class AlertSection {
    private AlertSection() {
    }

    static PagerDutySettings read(YNode node, Path base, URI statusPage, Map<String, String> env) {
        PagerDutySettings d = PagerDutySettings.defaults();
        if (node == null) {
            // No section: page when the environment supplies a key, with every other setting at its default.
            String key = env.get(RoutingKey.ENVIRONMENT_VARIABLE);
            return key == null || key.isBlank() ? withStatusPage(d, statusPage) : withStatusPage(enable(d, env, null, null), statusPage);
        }
        YMap alert = node.map();
        YNode pdNode = alert.get("pagerduty");
        alert.finish();
        if (pdNode == null) {
            return withStatusPage(d, statusPage);
        }
        YMap m = pdNode.map();
        boolean enabled = Boolean.TRUE.equals(m.bool("enabled", true));
        String url = m.str("events_url", d.eventsUrl().toString());
        YNode keyFileNode = m.get("routing_key_file");
        Path keyFile = keyFileNode == null ? null : Paths.resolve(keyFileNode, base);
        if (m.has("routing_key")) {
            m.get("routing_key").error("the routing key is never written in the config file: use routing_key_file"
                    + " or the environment variable " + RoutingKey.ENVIRONMENT_VARIABLE);
        }
        String deployment = m.str("deployment", d.deployment());
        String minimum = m.oneOf("min_severity", d.minimumSeverity().label(),
                Arrays.stream(Severity.values()).map(Severity::label).toList());
        List<String> checks = m.has("checks") ? m.strings("checks") : List.copyOf(d.pagingChecks());
        Duration blindAfter = m.duration("blind_after", d.blindAfter(), PagerDutySettings.MINIMUM_BLIND_AFTER,
                Duration.ofDays(30));
        boolean blindEvents = Boolean.TRUE.equals(m.bool("blind_events", d.blindEvents()));
        m.finish();
        try {
            PagerDutySettings s = new PagerDutySettings(false, URI.create(url), null, deployment,
                    Severity.valueOf(minimum.toUpperCase(Locale.ROOT)), new HashSet<>(checks), statusPage, blindAfter,
                    blindEvents);
            return enabled ? enable(s, env, keyFile, pdNode) : s;
        } catch (IllegalArgumentException e) {
            pdNode.error(e.getMessage());
            return d;
        }
    }

    private static PagerDutySettings enable(PagerDutySettings s, Map<String, String> env, Path keyFile, YNode where) {
        try {
            return s.enabledWith(RoutingKey.read(env, keyFile));
        } catch (IllegalArgumentException e) {
            if (where == null) {
                throw e;
            }
            where.error(e.getMessage());
            return s;
        }
    }

    private static PagerDutySettings withStatusPage(PagerDutySettings s, URI statusPage) {
        return new PagerDutySettings(s.enabled(), s.eventsUrl(), s.routingKey(), s.deployment(), s.minimumSeverity(),
                s.pagingChecks(), statusPage, s.blindAfter(), s.blindEvents());
    }

    static Set<String> keys() {
        return Set.of("enabled", "events_url", "routing_key_file", "deployment", "min_severity", "checks",
                "blind_after", "blind_events");
    }
}
