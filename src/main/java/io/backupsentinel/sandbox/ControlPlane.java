package io.backupsentinel.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupsentinel.model.Durations;
import io.backupsentinel.sandbox.cloudwatch.PublishedMetrics;
import io.backupsentinel.sandbox.fault.FaultPlan;
import io.backupsentinel.sandbox.fault.SandboxGate;
import io.backupsentinel.sandbox.http.ControlPaths;
import io.backupsentinel.sandbox.http.SandboxRequest;
import io.backupsentinel.sandbox.http.SandboxResponse;
import io.backupsentinel.sandbox.scenario.ScenarioError;
import io.backupsentinel.sandbox.scenario.ScenarioException;
import io.backupsentinel.sandbox.scenario.ScenarioLoader;
import io.backupsentinel.sandbox.state.VirtualClock;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Controls a running sandbox over HTTP, for tests written with any SDK:
 * {@code GET /_sandbox/clock}; {@code POST /_sandbox/clock} with {@code {"advance": "1h"}} or
 * {@code {"set": "2026-01-15T12:00:00Z"}}; {@code PUT /_sandbox/faults} with a scenario's {@code faults:}
 * section (YAML or JSON), which replaces the faults in force; {@code DELETE /_sandbox/faults}; {@code GET /_sandbox/cloudwatch}, the metric data PutMetricData received
 * (JSON). Bad input
 * gets a 400 with the reason.
 */
final class ControlPlane implements Function<SandboxRequest, SandboxResponse> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final VirtualClock clock;
    private final SandboxGate gate;
    private final PagerDutyInbox pagerDuty;
    private final PublishedMetrics cloudWatch;

    ControlPlane(VirtualClock clock, SandboxGate gate, PublishedMetrics cloudWatch) {
        this.clock = clock;
        this.gate = gate;
        this.cloudWatch = cloudWatch;
        this.pagerDuty = new PagerDutyInbox(clock);
    }

    @Override
    public SandboxResponse apply(SandboxRequest r) {
        String route = r.method() + " " + r.path();
        try {
            return switch (route) {
                case "GET " + ControlPaths.CLOCK -> now();
                case "POST " + ControlPaths.CLOCK -> moveClock(r);
                case "PUT " + ControlPaths.FAULTS -> setFaults(r);
                case "POST " + ControlPaths.PAGERDUTY_ENQUEUE -> {
                    PagerDutyInbox.Answer a = pagerDuty.enqueue(r.body());
                    yield new SandboxResponse(a.status(), "application/json",
                            a.body().getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of());
                }
                case "GET " + ControlPaths.PAGERDUTY -> new SandboxResponse(200, "application/json",
                        pagerDuty.list().getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of());
                case "GET " + ControlPaths.CLOUDWATCH -> new SandboxResponse(200, "application/json",
                        cloudWatch.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of());
                case "DELETE " + ControlPaths.FAULTS -> {
                    gate.clear();
                    yield reply(200, Map.of("faults", "cleared"));
                }
                default -> reply(404, Map.of("error", "no such control: " + route + "; try GET "
                        + ControlPaths.CLOCK + ", POST " + ControlPaths.CLOCK + ", PUT or DELETE " + ControlPaths.FAULTS
                        + ", POST " + ControlPaths.PAGERDUTY_ENQUEUE + ", GET " + ControlPaths.PAGERDUTY
                        + ", GET " + ControlPaths.CLOUDWATCH));
            };
        } catch (RuntimeException e) {
            // Every control call parses and checks its whole input before it changes anything, so a failure
            // here has changed nothing: the caller's input was wrong.
            return reply(400, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    private SandboxResponse now() {
        return reply(200, Map.of("now", clock.instant().toString()));
    }

    private SandboxResponse moveClock(SandboxRequest r) {
        JsonNode body;
        try {
            body = JSON.readTree(r.body());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the body must be JSON such as {\"advance\": \"1h\"}");
        }
        if (body == null || !body.isObject() || body.size() != 1
                || !(textual(body, "advance") || textual(body, "set"))) {
            throw new IllegalArgumentException("give exactly one of {\"advance\": \"1h\"} or"
                    + " {\"set\": \"2026-01-15T12:00:00Z\"}");
        }
        // Parsed in full before the clock moves; the clock itself refuses a target outside its range.
        if (body.has("advance")) {
            Duration by = parse("advance", () -> Durations.parse(body.get("advance").asText()));
            clock.advance(by);
        } else {
            Instant to = parse("set", () -> Instant.parse(body.get("set").asText()));
            clock.set(to);
        }
        return now();
    }

    private static boolean textual(JsonNode body, String field) {
        return body.has(field) && body.get(field).isTextual();
    }

    /** Runs a parser, turning whatever it throws (DateTimeException, ArithmeticException…) into a 400's reason. */
    private static <T> T parse(String field, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage());
        }
    }

    private SandboxResponse setFaults(SandboxRequest r) {
        FaultPlan plan;
        try {
            plan = ScenarioLoader.readFaults("request body", new StringReader(r.bodyText()));
        } catch (ScenarioException e) {
            throw new IllegalArgumentException(e.errors().stream().map(ScenarioError::toString)
                    .collect(Collectors.joining("; ")));
        }
        gate.apply(plan);
        return reply(200, Map.of("faults", "applied", "limits", plan.effectiveLimits().size()));
    }

    private static SandboxResponse reply(int status, Map<String, ?> body) {
        ObjectNode n = JSON.valueToTree(body);
        return new SandboxResponse(status, "application/json", n.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Map.of());
    }
}
