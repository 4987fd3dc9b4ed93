package io.backupsentinel.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The fixture answers as PagerDuty's Events API v2 documents, so tests that use it prove something. */
class PagerDutyReceiverIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "0123456789abcdef0123456789abcdef";

    private final PagerDutyReceiver pd = PagerDutyReceiver.start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void tearDown() {
        pd.close();
    }

    private static ObjectNode trigger() {
        ObjectNode e = JSON.createObjectNode().put("routing_key", KEY).put("event_action", "trigger")
                .put("dedup_key", "d/prod-rpo/arn");
        e.putObject("payload").put("summary", "orders breaks prod-rpo").put("source", "arn").put("severity", "critical")
                .put("timestamp", "2015-07-17T08:42:58.315+0000");
        return e;
    }

    private HttpResponse<String> post(JsonNode body) throws Exception {
        return http.send(HttpRequest.newBuilder(pd.eventsUrl()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode refusal(JsonNode body) throws Exception {
        HttpResponse<String> r = post(body);
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode answer = JSON.readTree(r.body());
        assertThat(answer.path("status").asText()).isEqualTo("invalid event");
        assertThat(answer.path("message").asText()).isEqualTo("Event object is invalid");
        return answer.path("errors");
    }

    @Test
    void a_valid_trigger_is_accepted_with_pagerdutys_answer_and_recorded() throws Exception {
        HttpResponse<String> r = post(trigger());

        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(r.body())).isEqualTo(JSON.readTree(
                "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"d/prod-rpo/arn\"}"));
        assertThat(pd.events()).singleElement().satisfies(e -> {
            assertThat(e.routingKey()).isEqualTo(KEY);
            assertThat(e.severity()).isEqualTo("critical");
        });
    }

    @Test
    void a_routing_key_that_is_not_32_characters_is_refused() throws Exception {
        assertThat(refusal(trigger().put("routing_key", KEY.substring(1))).toString())
                .contains("Length of 'routing_key' is incorrect (should be 32 characters)");
        assertThat(pd.events()).isEmpty();
        assertThat(pd.rejections()).hasSize(1);
    }

    @Test
    void an_unknown_action_a_long_dedup_key_and_an_unknown_field_are_each_named() throws Exception {
        JsonNode errors = refusal(trigger().put("event_action", "fire").put("dedup_key", "k".repeat(256))
                .put("dedupkey", "typo"));

        assertThat(errors.toString()).contains("'event_action' is invalid", "'dedup_key' is incorrect",
                "'dedupkey' is not a field");
    }

    @Test
    void a_trigger_needs_summary_source_and_a_known_severity() throws Exception {
        ObjectNode e = trigger();
        ((ObjectNode) e.get("payload")).put("summary", "s".repeat(1025)).put("severity", "high").remove("source");

        assertThat(refusal(e).toString()).contains("'payload.summary' is incorrect", "'payload.source' is missing",
                "'payload.severity' is invalid");
    }

    @Test
    void a_resolve_needs_a_dedup_key_but_no_payload() throws Exception {
        ObjectNode resolve = JSON.createObjectNode().put("routing_key", KEY).put("event_action", "resolve");

        assertThat(refusal(resolve).toString()).contains("'dedup_key' is missing");
        assertThat(post(resolve.put("dedup_key", "k")).statusCode()).isEqualTo(202);
    }

    @Test
    void a_body_that_is_not_a_json_object_is_unrecognized() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(pd.eventsUrl())
                .POST(HttpRequest.BodyPublishers.ofString("[1,2")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Event object format is unrecognized", "JSON parse error");
    }

    @Test
    void it_can_be_told_to_throttle_or_fail_the_next_requests() throws Exception {
        pd.failNext(1, 429, Duration.ofSeconds(7));
        pd.failNext(1, 500);

        HttpResponse<String> throttled = post(trigger());
        HttpResponse<String> failed = post(trigger());
        HttpResponse<String> accepted = post(trigger());

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).contains("7");
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(pd.requests()).isEqualTo(3);
        assertThat(pd.events()).hasSize(1);
    }
}
