package io.backupsentinel.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupsentinel.model.OutboxEvent;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * POSTs one stored event to the Events API, adding the routing key to the body only here, and sorts the answer
 * the way PagerDuty documents it: 2xx delivered; 429, 5xx, 408 and network errors worth retrying; any other
 * answer (400 above all) refused for good. Every text it returns has the routing key removed.
 */
final class EventSender {
    enum Kind { DELIVERED, RETRY, REJECTED }

    /** The outcome of one attempt; {@code detail} says why it failed, {@code retryAfter} is the receiver's wish. */
    record Result(Kind kind, String detail, Optional<Duration> retryAfter) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DETAIL = 500;

    private final HttpClient http;
    private final URI url;
    private final String routingKey;
    private final Duration requestTimeout;

    EventSender(HttpClient http, URI url, String routingKey, Duration requestTimeout) {
        this.http = http;
        this.url = url;
        this.routingKey = routingKey;
        this.requestTimeout = requestTimeout;
    }

    Result send(OutboxEvent event, Instant now) throws InterruptedException {
        String body;
        try {
            body = withRoutingKey(event.payload());
        } catch (IOException e) {
            return new Result(Kind.REJECTED, "the stored event is not a JSON object: " + e.getMessage(), Optional.empty());
        }
        HttpRequest request = HttpRequest.newBuilder(url).timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "backup-sentinel")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            return new Result(Kind.RETRY, "no answer within " + requestTimeout.toMillis() + " ms", Optional.empty());
        } catch (IOException e) {
            return new Result(Kind.RETRY, redact("cannot reach " + url.getHost() + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage())), Optional.empty());
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Result(Kind.DELIVERED, null, Optional.empty());
        }
        String detail = redact("HTTP " + status + reason(response.body()));
        if (status == 429 || status == 408 || status >= 500) {
            return new Result(Kind.RETRY, detail,
                    Backoff.parseRetryAfter(response.headers().firstValue("Retry-After"), now));
        }
        return new Result(Kind.REJECTED, detail, Optional.empty());
    }

    /** The stored body with {@code routing_key} first, as PagerDuty's examples put it. */
    String withRoutingKey(String payload) throws IOException {
        JsonNode stored = JSON.readTree(payload);
        if (!(stored instanceof ObjectNode fields)) {
            throw new IOException("found " + (stored == null ? "nothing" : stored.getNodeType()));
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("routing_key", routingKey);
        fields.fields().forEachRemaining(e -> {
            if (!"routing_key".equals(e.getKey())) {
                body.set(e.getKey(), e.getValue());
            }
        });
        return JSON.writeValueAsString(body);
    }

    /** PagerDuty's own words for a refusal: its {@code message} and {@code errors}, or the start of the body. */
    static String reason(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode json = JSON.readTree(body);
            List<String> parts = new ArrayList<>();
            if (json.hasNonNull("message")) {
                parts.add(json.get("message").asText());
            }
            if (json.path("errors").isArray()) {
                json.get("errors").forEach(e -> parts.add(e.asText()));
            }
            if (!parts.isEmpty()) {
                return ": " + cut(String.join("; ", parts));
            }
        } catch (IOException notJson) {
            // Proxies and load balancers answer in HTML or text: show the start of it.
        }
        return ": " + cut(body.strip().replaceAll("\\s+", " "));
    }

    String redact(String text) {
        return routingKey == null || routingKey.isEmpty() ? text : text.replace(routingKey, "<routing key>");
    }

    private static String cut(String s) {
        return s.length() <= MAX_DETAIL ? s : s.substring(0, MAX_DETAIL) + "…";
    }
}
