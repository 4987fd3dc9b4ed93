package io.backupsentinel.sandbox.dynamodb;

import io.backupsentinel.sandbox.http.AwsError;
import io.backupsentinel.sandbox.http.RequestGate;
import io.backupsentinel.testing.SandboxExtension;
import io.backupsentinel.testing.WorldBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThrottlingRetryIT {
    private final WorldBuilder world = WorldBuilder.create();
    @RegisterExtension
    final SandboxExtension sandbox = new SandboxExtension(world::world);

    /** Throttles the first {@code n} calls of one operation, counting every call of it. */
    private static final class ThrottleFirst implements RequestGate {
        private final String operation;
        private final int n;
        final AtomicInteger calls = new AtomicInteger();

        ThrottleFirst(String operation, int n) {
            this.operation = operation;
            this.n = n;
        }

        @Override
        public void admit(String service, String op, io.backupsentinel.sandbox.http.RequestContext context) {
            if (op.equals(operation) && calls.incrementAndGet() <= n) {
                throw AwsError.throttling("Rate of requests exceeds the allowed throughput.");
            }
        }
    }

    @Test
    void throttled_calls_are_retried_by_the_sdk_and_succeed() {
        world.table("orders", Map.of());
        world.pitr("orders", Duration.ofDays(1), 35);
        ThrottleFirst gate = new ThrottleFirst("DescribeContinuousBackups", 2);
        sandbox.running().replaceGate(gate);
        DynamoDbClient ddb = sandbox.dynamo();

        var response = ddb.describeContinuousBackups(r -> r.tableName("orders"));

        assertThat(response.continuousBackupsDescription().pointInTimeRecoveryDescription().pointInTimeRecoveryStatus())
                .isEqualTo(PointInTimeRecoveryStatus.ENABLED);
        assertThat(gate.calls).hasValue(3);
        assertThat(response.responseMetadata().requestId()).isNotEmpty();
    }

    @Test
    void a_call_throttled_beyond_the_retry_budget_fails_with_the_throttling_error() {
        world.table("orders", Map.of());
        ThrottleFirst gate = new ThrottleFirst("DescribeContinuousBackups", Integer.MAX_VALUE);
        sandbox.running().replaceGate(gate);
        // Three attempts instead of DynamoDB's default of nine keep the test's backoff short.
        DynamoDbClient ddb = sandbox.clients().dynamo(o -> o.retryStrategy(b -> b.maxAttempts(3)));

        assertThatThrownBy(() -> ddb.describeContinuousBackups(r -> r.tableName("orders")))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
                    assertThat(e.isThrottlingException()).isTrue();
                });
        assertThat(gate.calls).hasValue(3);
        assertThat(ddb.listTables().tableNames()).containsExactly("orders");
    }
}
