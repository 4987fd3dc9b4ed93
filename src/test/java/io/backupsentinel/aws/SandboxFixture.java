package io.backupsentinel.aws;

import io.backupsentinel.sandbox.Sandbox;
import io.backupsentinel.sandbox.dynamodb.DynamoDbHandler;
import io.backupsentinel.sandbox.fault.SandboxGate;
import io.backupsentinel.sandbox.http.AwsError;
import io.backupsentinel.sandbox.http.Protocol;
import io.backupsentinel.sandbox.http.RequestContext;
import io.backupsentinel.sandbox.http.SandboxRequest;
import io.backupsentinel.sandbox.http.SandboxResponse;
import io.backupsentinel.sandbox.http.ServiceHandler;
import io.backupsentinel.sandbox.scenario.Scenario;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A sandbox serving a scenario with every handler (DynamoDB, tagging, STS, AWS Backup) on a free port, with
 * the scenario's faults, plus one fault the scenario language cannot say: a throttling storm on a single
 * table's DescribeContinuousBackups.
 */
final class SandboxFixture implements AutoCloseable {
    private final Scenario scenario;
    private final ThrottledTable dynamo = new ThrottledTable(new DynamoDbHandler());
    private final Sandbox sandbox;

    SandboxFixture(Scenario scenario) {
        this.scenario = scenario;
        this.sandbox = Sandbox.start(scenario, 0, dynamo);
    }

    URI endpoint() {
        return URI.create(sandbox.endpoint());
    }

    /** The scenario's own faults and limits, afresh; no table throttled. */
    SandboxGate resetFaults() {
        sandbox.gate().apply(scenario.faults());
        dynamo.table = null;
        return sandbox.gate();
    }

    /** Every DescribeContinuousBackups of this table answers ThrottlingException. */
    void throttlePitrOf(String table) {
        dynamo.table = table;
    }

    @Override
    public void close() {
        sandbox.close();
    }

    private static final class ThrottledTable implements ServiceHandler {
        private final ServiceHandler delegate;
        private volatile String table;

        ThrottledTable(ServiceHandler delegate) {
            this.delegate = delegate;
        }

        @Override
        public String signingName() {
            return delegate.signingName();
        }

        @Override
        public Protocol protocol() {
            return delegate.protocol();
        }

        @Override
        public String operation(SandboxRequest request) {
            return delegate.operation(request);
        }

        @Override
        public SandboxResponse handle(SandboxRequest request, RequestContext context) {
            String t = table;
            if (t != null && "DescribeContinuousBackups".equals(context.operation())
                    && new String(request.body(), StandardCharsets.UTF_8).contains("\"TableName\":\"" + t + "\"")) {
                throw new AwsError(400, "ThrottlingException", "Rate exceeded");
            }
            return delegate.handle(request, context);
        }
    }
}
