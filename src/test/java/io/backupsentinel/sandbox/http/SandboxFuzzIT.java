package io.backupsentinel.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backupsentinel.sandbox.Sandbox;
import io.backupsentinel.testing.AwsEndpoint;
import io.backupsentinel.testing.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends the whole {@link MalformedRequests} corpus over raw HTTP to one sandbox (the demo scenario), then
 * checks that it still serves the Java SDK and boto3 as before: no malformed request gets a 5xx, each 4xx
 * is in its protocol's error shape, and nothing a request broke is left broken.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxFuzzIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private Sandbox sandbox;
    private AwsEndpoint endpoint;

    @BeforeAll
    void start() {
        sandbox = Sandbox.start((Path) null, 0);
        sandbox.gate().clear();
        endpoint = new AwsEndpoint(URI.create(sandbox.endpoint()), "us-east-1",
                AwsEndpoint.keys(Sandbox.ACCESS_KEY, Sandbox.SECRET_KEY));
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    @Test
    void no_malformed_request_gets_a_server_error_and_every_refusal_has_its_protocols_shape() throws Exception {
        RawHttp raw = new RawHttp(URI.create(sandbox.endpoint()));
        List<MalformedRequests.Case> corpus = MalformedRequests.all();
        List<String> serverErrors = new ArrayList<>();
        List<String> wrongShape = new ArrayList<>();
        int refused = 0;
        for (MalformedRequests.Case c : corpus) {
            RawHttp.Reply reply = raw.send(c.method(), c.target(), c.headers(), c.body());
            if (reply.status() >= 500) {
                serverErrors.add(c + " -> " + reply.status() + " " + reply.body());
            } else if (reply.status() >= 400) {
                refused++;
                String problem = shapeProblem(c.shape(), reply);
                if (problem != null && MalformedRequests.unreadableRequestLine(c.target())) {
                    problem = unknownProtocolShapeProblem(reply);
                }
                if (problem != null) {
                    wrongShape.add(c + " -> " + reply.status() + ": " + problem + " in " + reply.body());
                }
            }
        }
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(500);
        assertThat(serverErrors).isEmpty();
        assertThat(wrongShape).isEmpty();
        assertThat(refused).isGreaterThanOrEqualTo(500);
        afterwards_the_java_sdk_is_answered_as_before();
        afterwards_boto3_is_answered_as_before();
    }

    private void afterwards_the_java_sdk_is_answered_as_before() {
        try (DynamoDbClient ddb = endpoint.dynamo(); BackupClient backup = endpoint.backup();
             ResourceGroupsTaggingApiClient tagging = endpoint.tagging(); StsClient sts = endpoint.sts()) {
            assertThat(ddb.listTables().tableNames()).contains("orders", "payments");
            assertThat(ddb.describeContinuousBackups(b -> b.tableName("orders")).continuousBackupsDescription()
                    .pointInTimeRecoveryDescription().pointInTimeRecoveryStatusAsString()).isEqualTo("ENABLED");
            assertThat(backup.listBackupVaults().backupVaultList()).extracting(v -> v.backupVaultName())
                    .contains("prod-vault");
            assertThat(backup.listRecoveryPointsByBackupVault(b -> b.backupVaultName("prod-vault")).recoveryPoints())
                    .isNotEmpty();
            assertThat(tagging.getResources().resourceTagMappingList()).isNotEmpty();
            assertThat(sts.getCallerIdentity().account()).isEqualTo("111111111111");
        }
    }

    private void afterwards_boto3_is_answered_as_before() throws IOException, InterruptedException {
        String script = String.join("\n",
                "import boto3, sys",
                "kw = dict(endpoint_url=sys.argv[1], region_name='us-east-1',",
                "          aws_access_key_id='" + Sandbox.ACCESS_KEY + "', aws_secret_access_key='x')",
                "ddb = boto3.client('dynamodb', **kw)",
                "names = ddb.list_tables()['TableNames']",
                "pitr = ddb.describe_continuous_backups(TableName='orders')['ContinuousBackupsDescription']",
                "rps = boto3.client('backup', **kw).list_recovery_points_by_backup_vault(BackupVaultName='prod-vault')",
                "who = boto3.client('sts', **kw).get_caller_identity()['Account']",
                "print('orders' in names, pitr['PointInTimeRecoveryDescription']['PointInTimeRecoveryStatus'],",
                "      len(rps['RecoveryPoints']) > 0, who)");
        Process p = new ProcessBuilder("python3", "-c", script, sandbox.endpoint()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(out.trim()).as("boto3 said: %s", out).endsWith("True ENABLED True 111111111111");
    }

    /** Null when the reply has the shape of an error for a request whose protocol is unknowable. */
    static String unknownProtocolShapeProblem(RawHttp.Reply reply) {
        try {
            JsonNode body = JSON.readTree(reply.body());
            return reply.header("x-amzn-errortype") != null && body.path("__type").asText().contains("#")
                    && body.path("message").isTextual() && body.path("Code").isTextual() && body.path("Message").isTextual()
                    ? null : "not the JSON error for an unknown protocol";
        } catch (IOException e) {
            return "a body that is not JSON";
        }
    }

    /** Null when the reply has the error shape of its protocol; otherwise what is wrong with it. */
    static String shapeProblem(MalformedRequests.Shape shape, RawHttp.Reply reply) {
        JsonNode body = null;
        if (shape != MalformedRequests.Shape.AWS_QUERY) {
            try {
                body = JSON.readTree(reply.body());
            } catch (IOException e) {
                return "a body that is not JSON";
            }
            if (body == null || !body.isObject()) {
                return "a body that is not a JSON object";
            }
        }
        String type = String.valueOf(reply.header("content-type"));
        return switch (shape) {
            case AWS_JSON_1_0, AWS_JSON_1_1 -> {
                String want = shape == MalformedRequests.Shape.AWS_JSON_1_0 ? "application/x-amz-json-1.0"
                        : "application/x-amz-json-1.1";
                if (!type.startsWith(want)) {
                    yield "content type " + type;
                }
                yield body.path("__type").asText().contains("#") && body.path("message").isTextual()
                        ? null : "no __type and message";
            }
            case REST_JSON_1 -> reply.header("x-amzn-errortype") != null && body.path("Code").isTextual()
                    && body.path("Message").isTextual() ? null : "no x-amzn-ErrorType, Code and Message";
            case AWS_QUERY -> type.startsWith("text/xml") && reply.body().matches(
                    "(?s)<ErrorResponse[^>]*><Error><Type>Sender</Type><Code>\\w+</Code><Message>.*</Message></Error>.*")
                    ? null : "no <ErrorResponse><Error> with Type Sender, Code and Message";
            case CONTROL -> type.startsWith("application/json") && body.path("error").isTextual() ? null : "no error";
        };
    }
}
