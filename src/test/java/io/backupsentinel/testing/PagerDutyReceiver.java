package io.backupsentinel.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local stand-in for PagerDuty's Events API v2 ({@code POST /v2/enqueue}) over real HTTP, for tests of the
 * native dispatcher, Alertmanager and the daemon. It validates each event strictly against the documented schema
 * (32-character routing key; action trigger, acknowledge or resolve; dedup key at most 255 characters and
 * required unless triggering; for a trigger a payload with summary of at most 1024 characters, source and
 * severity critical, error, warning or info; no unknown fields) and answers as PagerDuty does: 202
 * {@code {"status":"success","message":"Event processed","dedup_key":…}} or 400
 * {@code {"status":"invalid event","message":"Event object is invalid","errors":[…]}}.
 * <pre>
 * try (PagerDutyReceiver pd = PagerDutyReceiver.start()) {
 *     PagerDutySettings s = settings.withEventsUrl(pd.eventsUrl());
 *     pd.failNext(2, 429);                       // the next two requests are throttled
 *     List&lt;Event&gt; got = pd.awaitEvents(3, Duration.ofSeconds(30));
 * }
 * </pre>
 */
public final class PagerDutyReceiver implements AutoCloseable {
    /** An event PagerDuty would have accepted. */
    public record Event(String routingKey, String action, String dedupKey, JsonNode body, Instant receivedAt) {
        public JsonNode payload() {
            return body.path("payload");
        }

        public String summary() {
            return payload().path("summary").asText(null);
        }

        public String severity() {
            return payload().path("severity").asText(null);
        }

        /** A field of {@code payload.custom_details}, or null. */
        public String detail(String name) {
            return payload().path("custom_details").path(name).asText(null);
        }
    }

    /** A request answered with 400, with the errors the receiver found. */
    public record Rejection(String body, List<String> errors, Instant receivedAt) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOP = Set.of("routing_key", "event_action", "dedup_key", "payload", "client",
            "client_url", "links", "images");
    private static final Set<String> PAYLOAD = Set.of("summary", "source", "severity", "timestamp", "component",
            "group", "class", "custom_details");
    private static final Set<String> ACTIONS = Set.of("trigger", "acknowledge", "resolve");
    private static final Set<String> SEVERITIES = Set.of("critical", "error", "warning", "info");
    // PagerDuty's own example writes offsets without a colon (+0000).
    private static final DateTimeFormatter NO_COLON_OFFSET =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS]Z");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<Event> events = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private final Deque<Failure> failures = new ArrayDeque<>();
    private int requests;

    private record Failure(int status, Duration retryAfter) {
    }

    private PagerDutyReceiver(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Listens on a free loopback port. */
    public static PagerDutyReceiver start() {
        try {
            return new PagerDutyReceiver(HttpServer.create(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the PagerDuty receiver", e);
        }
    }

    /** The URL to configure as the events URL: {@code http://127.0.0.1:PORT/v2/enqueue}. */
    public URI eventsUrl() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + port() + "/v2/enqueue");
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Answers the next {@code count} requests with {@code status} (e.g. 429 or 500) before validating them. */
    public void failNext(int count, int status) {
        failNext(count, status, null);
    }

    /** Like {@link #failNext(int, int)}, with a {@code Retry-After} header in whole seconds. */
    public synchronized void failNext(int count, int status, Duration retryAfter) {
        if (status < 400) {
            throw new IllegalArgumentException("a failure needs a 4xx or 5xx status, not " + status);
        }
        for (int i = 0; i < count; i++) {
            failures.add(new Failure(status, retryAfter));
        }
    }

    /** Every accepted event, in the order received. */
    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    /** Accepted events with this {@code event_action}. */
    public synchronized List<Event> events(String action) {
        return events.stream().filter(e -> e.action().equals(action)).toList();
    }

    /** Every request answered 400, in order. */
    public synchronized List<Rejection> rejections() {
        return List.copyOf(rejections);
    }

    /** Every request to {@code /v2/enqueue}, failed and refused ones included. */
    public synchronized int requests() {
        return requests;
    }

    /** Forgets what was received and any pending failures. */
    public synchronized void clear() {
        events.clear();
        rejections.clear();
        failures.clear();
        requests = 0;
    }

    /**
     * Waits until at least {@code count} events were accepted and returns them all.
     *
     * @throws AssertionError naming what did arrive, when they do not within {@code timeout}
     */
    public synchronized List<Event> awaitEvents(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (events.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected " + count + " accepted events within " + timeout + ", got "
                        + events.size() + ": " + events.stream().map(e -> e.action() + " " + e.dedupKey()).toList()
                        + "; rejected: " + rejections.stream().map(Rejection::errors).toList());
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return List.copyOf(events);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"/v2/enqueue".equals(ex.getRequestURI().getPath())) {
                respond(ex, 404, "{\"status\":\"not found\",\"message\":\"Not found\"}");
                return;
            }
            if (!"POST".equals(ex.getRequestMethod())) {
                ex.getResponseHeaders().add("Allow", "POST");
                respond(ex, 405, "{\"status\":\"method not allowed\",\"message\":\"Use POST\"}");
                return;
            }
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Failure failure;
            synchronized (this) {
                requests++;
                failure = failures.poll();
            }
            if (failure != null) {
                if (failure.retryAfter() != null) {
                    ex.getResponseHeaders().add("Retry-After", String.valueOf(failure.retryAfter().toSeconds()));
                }
                respond(ex, failure.status(), failure.status() == 429
                        ? "{\"status\":\"throttle event\",\"message\":\"Requests for this service are arriving too quickly. Please retry later.\"}"
                        : "{\"status\":\"error\",\"message\":\"Internal server error\"}");
                return;
            }
            accept(ex, body);
        }
    }

    private void accept(HttpExchange ex, String body) throws IOException {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            json = null;
        }
        if (!(json instanceof ObjectNode event)) {
            reject(ex, body, "Unrecognized object", "Event object format is unrecognized", List.of("JSON parse error"));
            return;
        }
        List<String> errors = validate(event);
        if (!errors.isEmpty()) {
            reject(ex, body, "invalid event", "Event object is invalid", errors);
            return;
        }
        String action = event.get("event_action").asText();
        String dedupKey = event.hasNonNull("dedup_key") ? event.get("dedup_key").asText()
                : UUID.randomUUID().toString().replace("-", "");
        synchronized (this) {
            events.add(new Event(event.get("routing_key").asText(), action, dedupKey, event, Instant.now()));
            notifyAll();
        }
        ObjectNode answer = JSON.createObjectNode().put("status", "success").put("message", "Event processed")
                .put("dedup_key", dedupKey);
        respond(ex, 202, answer.toString());
    }

    /** Every way the event breaks the Events API v2 schema; empty when it is valid. */
    static List<String> validate(ObjectNode e) {
        List<String> errors = new ArrayList<>();
        e.fieldNames().forEachRemaining(f -> {
            if (!TOP.contains(f)) {
                errors.add("'" + f + "' is not a field of an Events API v2 event");
            }
        });
        JsonNode key = e.get("routing_key");
        if (key == null || !key.isTextual() || key.asText().isBlank()) {
            errors.add("'routing_key' is missing or blank");
        } else if (key.asText().length() != 32) {
            errors.add("Length of 'routing_key' is incorrect (should be 32 characters)");
        }
        JsonNode action = e.get("event_action");
        boolean trigger = action != null && "trigger".equals(action.asText());
        if (action == null || !action.isTextual() || !ACTIONS.contains(action.asText())) {
            errors.add("'event_action' is invalid (must be one of: trigger, acknowledge, resolve)");
        }
        JsonNode dedup = e.get("dedup_key");
        if (dedup != null && !dedup.isNull()) {
            if (!dedup.isTextual() || dedup.asText().isEmpty()) {
                errors.add("'dedup_key' must be a non-empty string");
            } else if (dedup.asText().length() > 255) {
                errors.add("Length of 'dedup_key' is incorrect (should be at most 255 characters)");
            }
        } else if (!trigger) {
            errors.add("'dedup_key' is missing or blank (required to acknowledge or resolve)");
        }
        optionalString(e, "client", errors);
        optionalString(e, "client_url", errors);
        list(e, "links", "href", errors);
        list(e, "images", "src", errors);
        JsonNode payload = e.get("payload");
        if (payload != null && !payload.isObject()) {
            errors.add("'payload' must be an object");
        } else if (trigger) {
            payload(payload, errors);
        }
        return errors;
    }

    private static void payload(JsonNode p, List<String> errors) {
        if (p == null) {
            errors.add("'payload' is missing (required to trigger)");
            return;
        }
        p.fieldNames().forEachRemaining(f -> {
            if (!PAYLOAD.contains(f)) {
                errors.add("'payload." + f + "' is not a field of an Events API v2 payload");
            }
        });
        JsonNode summary = p.get("summary");
        if (summary == null || !summary.isTextual() || summary.asText().isBlank()) {
            errors.add("'payload.summary' is missing or blank");
        } else if (summary.asText().length() > 1024) {
            errors.add("Length of 'payload.summary' is incorrect (should be at most 1024 characters)");
        }
        JsonNode source = p.get("source");
        if (source == null || !source.isTextual() || source.asText().isBlank()) {
            errors.add("'payload.source' is missing or blank");
        }
        JsonNode severity = p.get("severity");
        if (severity == null || !severity.isTextual() || !SEVERITIES.contains(severity.asText())) {
            errors.add("'payload.severity' is invalid (must be one of: critical, error, warning, info)");
        }
        JsonNode ts = p.get("timestamp");
        if (ts != null && !(ts.isTextual() && timestamp(ts.asText()))) {
            errors.add("'payload.timestamp' is not an ISO 8601 date-time");
        }
        for (String f : List.of("component", "group", "class")) {
            optionalString(p, f, errors, "payload.");
        }
        JsonNode details = p.get("custom_details");
        if (details != null && !details.isObject()) {
            errors.add("'payload.custom_details' must be an object");
        }
    }

    private static boolean timestamp(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            try {
                OffsetDateTime.parse(text, NO_COLON_OFFSET);
                return true;
            } catch (DateTimeParseException e2) {
                return false;
            }
        }
    }

    private static void list(JsonNode e, String field, String required, List<String> errors) {
        JsonNode list = e.get(field);
        if (list == null) {
            return;
        }
        if (!(list instanceof ArrayNode items)) {
            errors.add("'" + field + "' must be an array");
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.isObject() || !item.path(required).isTextual() || item.path(required).asText().isBlank()) {
                errors.add("'" + field + "[" + i + "]." + required + "' is missing or blank");
            }
        }
    }

    private static void optionalString(JsonNode node, String field, List<String> errors) {
        optionalString(node, field, errors, "");
    }

    private static void optionalString(JsonNode node, String field, List<String> errors, String prefix) {
        JsonNode v = node.get(field);
        if (v != null && !v.isNull() && !v.isTextual()) {
            errors.add("'" + prefix + field + "' must be a string");
        }
    }

    private void reject(HttpExchange ex, String body, String status, String message, List<String> errors)
            throws IOException {
        synchronized (this) {
            rejections.add(new Rejection(body, List.copyOf(errors), Instant.now()));
        }
        ObjectNode answer = JSON.createObjectNode().put("status", status).put("message", message);
        errors.forEach(answer.putArray("errors")::add);
        respond(ex, 400, answer.toString());
    }

    private static void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }
}
