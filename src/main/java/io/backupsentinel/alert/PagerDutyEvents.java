package io.backupsentinel.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupsentinel.model.Durations;
import io.backupsentinel.model.Finding;
import io.backupsentinel.model.OutboxEvent;
import io.backupsentinel.model.Severity;
import io.backupsentinel.model.Target;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds Events API v2 request bodies as outbox events. The stored body has every field but {@code routing_key},
 * which {@link EventSender} adds when it sends, so the database never holds the secret.
 */
public final class PagerDutyEvents {
    /** The outbox channel of PagerDuty events. */
    public static final String CHANNEL = "pagerduty";
    /** PagerDuty's limit on {@code payload.summary}. */
    public static final int MAX_SUMMARY = 1024;
    static final String CLIENT = "Backup Sentinel";
    // The rpo check writes its age as "effective 26h (pitr); ..." and its target as "... ≤ 24h old (...)".
    private static final Pattern RPO_AGE = Pattern.compile("^effective (\\S+) \\(");
    private static final Pattern RPO_TARGET = Pattern.compile("≤ (\\S+) old");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PagerDutySettings settings;

    public PagerDutyEvents(PagerDutySettings settings) {
        this.settings = settings;
    }

    /** PagerDuty's four severities for our five. */
    public static String severity(Severity s) {
        return switch (s) {
            case CRITICAL -> "critical";
            case HIGH -> "error";
            case MEDIUM, LOW -> "warning";
            case INFO -> "info";
        };
    }

    /** A trigger for a NON_COMPLIANT finding. */
    public OutboxEvent trigger(Finding f, String dedupKey, Instant now) {
        ObjectNode body = envelope("trigger", dedupKey);
        ObjectNode payload = body.putObject("payload");
        payload.put("summary", truncate("[" + settings.deployment() + "] " + f.table() + " in " + f.account() + "/"
                + f.region() + " breaks rule " + f.rule() + " (" + f.check() + ", " + f.severity().label() + "): "
                + f.message() + " Observed: " + f.observed() + "; expected: " + f.expected() + "."));
        payload.put("source", f.tableArn() != null ? f.tableArn() : f.account() + "/" + f.region() + "/" + f.table());
        payload.put("severity", severity(f.severity()));
        payload.put("timestamp", f.evaluatedAt().toString());
        payload.put("component", f.table());
        payload.put("group", f.account() + "/" + f.region());
        payload.put("class", f.check());
        ObjectNode details = payload.putObject("custom_details");
        details.put("deployment", settings.deployment());
        details.put("account", f.account());
        details.put("region", f.region());
        details.put("table", f.table());
        details.put("table_arn", f.tableArn());
        details.put("rule", f.rule());
        details.put("check", f.check());
        details.put("severity", f.severity().label());
        details.put("status", f.status().name());
        details.put("observed", f.observed());
        details.put("expected", f.expected());
        details.put("message", f.message());
        if ("rpo".equals(f.check())) {
            find(RPO_AGE, f.observed()).ifPresent(age -> details.put("age", age));
            find(RPO_TARGET, f.expected()).ifPresent(rpo -> details.put("rpo", rpo));
        }
        client(body);
        if (settings.statusPageUrl() != null) {
            body.putArray("links").addObject()
                    .put("href", base() + "/tables/" + segment(f.account()) + "/" + segment(f.region()) + "/"
                            + segment(f.table()))
                    .put("text", "Backup Sentinel: " + f.table() + " in " + f.account() + "/" + f.region()
                            + ", with its restore commands");
        }
        return OutboxEvent.of(CHANNEL, dedupKey, "trigger", body.toString(), now);
    }

    /** A trigger for an account-region whose every finding has been UNKNOWN since {@code since}. */
    public OutboxEvent blind(Target target, String dedupKey, Instant since, int findings, String lastCause, Instant now) {
        ObjectNode body = envelope("trigger", dedupKey);
        ObjectNode payload = body.putObject("payload");
        String lasting = Durations.format(Duration.between(since, now).withNanos(0));
        payload.put("summary", truncate("[" + settings.deployment() + "] Backup Sentinel cannot see " + target
                + ": all " + findings + " findings have been UNKNOWN for " + lasting + ", so RPO breaches there go"
                + " unnoticed." + (lastCause == null ? "" : " Last cause: " + lastCause)));
        payload.put("source", target.account() + "/" + target.region());
        payload.put("severity", "error");
        payload.put("timestamp", now.toString());
        payload.put("component", "audit");
        payload.put("group", target.account() + "/" + target.region());
        payload.put("class", "audit-blind");
        ObjectNode details = payload.putObject("custom_details");
        details.put("deployment", settings.deployment());
        details.put("account", target.account());
        details.put("region", target.region());
        details.put("unknown_findings", findings);
        details.put("unknown_since", since.toString());
        details.put("last_cause", lastCause);
        client(body);
        if (settings.statusPageUrl() != null) {
            body.putArray("links").addObject().put("href", base() + "/").put("text", "Backup Sentinel status page");
        }
        return OutboxEvent.of(CHANNEL, dedupKey, "trigger", body.toString(), now);
    }

    /** A resolve; PagerDuty needs nothing but the action and the key. */
    public OutboxEvent resolve(String dedupKey, Instant now) {
        return OutboxEvent.of(CHANNEL, dedupKey, "resolve", envelope("resolve", dedupKey).toString(), now);
    }

    /** Cuts a summary to PagerDuty's limit, never inside a surrogate pair, marking the cut. */
    static String truncate(String summary) {
        if (summary.length() <= MAX_SUMMARY) {
            return summary;
        }
        int end = MAX_SUMMARY - 1;
        if (Character.isHighSurrogate(summary.charAt(end - 1))) {
            end--;
        }
        return summary.substring(0, end) + "…";
    }

    private ObjectNode envelope(String action, String dedupKey) {
        ObjectNode body = JSON.createObjectNode();
        body.put("event_action", action);
        body.put("dedup_key", dedupKey);
        return body;
    }

    private void client(ObjectNode body) {
        body.put("client", CLIENT + " (" + settings.deployment() + ")");
        if (settings.statusPageUrl() != null) {
            body.put("client_url", base() + "/");
        }
    }

    private String base() {
        String base = settings.statusPageUrl().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static String segment(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static java.util.Optional<String> find(Pattern p, String text) {
        if (text == null) {
            return java.util.Optional.empty();
        }
        Matcher m = p.matcher(text);
        return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }
}
