package io.backupsentinel.sandbox;

import io.backupsentinel.testing.AwsEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sandbox's HTTP control paths, as a test written with another SDK would use them. */
class ControlPlaneIT {
    private final HttpClient http = HttpClient.newHttpClient();
    private Sandbox sandbox;
    private DynamoDbClient ddb;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start((Path) null, 0);
        sandbox.gate().clear();
        ddb = new AwsEndpoint(URI.create(sandbox.endpoint()), "us-east-1",
                AwsEndpoint.keys(Sandbox.ACCESS_KEY, Sandbox.SECRET_KEY)).dynamo();
    }

    @AfterEach
    void stop() {
        ddb.close();
        sandbox.close();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(sandbox.endpoint() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    private Instant latestRestorable() {
        return ddb.describeContinuousBackups(b -> b.tableName("orders")).continuousBackupsDescription()
                .pointInTimeRecoveryDescription().latestRestorableDateTime();
    }

    @Test
    void advancing_the_clock_moves_what_aws_reports() throws Exception {
        Instant before = latestRestorable();
        HttpResponse<String> r = send("POST", "/_sandbox/clock", "{\"advance\": \"2h\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Duration.between(before, latestRestorable())).isGreaterThanOrEqualTo(Duration.ofHours(2));
        assertThat(send("GET", "/_sandbox/clock", null).body()).contains("\"now\"");
    }

    @Test
    void faults_put_at_runtime_apply_until_deleted() throws Exception {
        HttpResponse<String> put = send("PUT", "/_sandbox/faults",
                "down:\n  - {account: \"111111111111\", region: us-east-1}\n");
        assertThat(put.statusCode()).isEqualTo(200);
        assertThatThrownBy(this::latestRestorable).isInstanceOf(DynamoDbException.class)
                .satisfies(e -> assertThat(((DynamoDbException) e).statusCode()).isEqualTo(503));

        assertThat(send("DELETE", "/_sandbox/faults", null).statusCode()).isEqualTo(200);
        assertThat(latestRestorable()).isNotNull();
    }

    @Test
    void bad_control_input_gets_a_400_with_the_reason() throws Exception {
        HttpResponse<String> badKey = send("PUT", "/_sandbox/faults", "dwon:\n  - {region: us-east-1}\n");
        assertThat(badKey.statusCode()).isEqualTo(400);
        assertThat(badKey.body()).contains("request body:1:1").contains("dwon");
        HttpResponse<String> badDuration = send("POST", "/_sandbox/clock", "{\"advance\": \"soon\"}");
        assertThat(badDuration.statusCode()).isEqualTo(400);
        assertThat(badDuration.body()).contains("not a duration");
        assertThat(send("GET", "/_sandbox/nothing", null).statusCode()).isEqualTo(404);
    }
}
