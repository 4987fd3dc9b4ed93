package io.backupsentinel.aws;

import io.backupsentinel.sandbox.backup.BackupHandler;
import io.backupsentinel.sandbox.dynamodb.DynamoDbHandler;
import io.backupsentinel.sandbox.fault.SandboxGate;
import io.backupsentinel.sandbox.http.AwsError;
import io.backupsentinel.sandbox.http.Protocol;
import io.backupsentinel.sandbox.http.RequestContext;
import io.backupsentinel.sandbox.http.SandboxRequest;
import io.backupsentinel.sandbox.http.SandboxResponse;
import io.backupsentinel.sandbox.http.SandboxServer;
import io.backupsentinel.sandbox.http.ServiceHandler;
import io.backupsentinel.sandbox.scenario.Scenario;
import io.backupsentinel.sandbox.sts.StsHandler;
import io.backupsentinel.sandbox.tagging.TaggingHandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A sandbox serving a scenario with every handler (DynamoDB, tagging, STS, AWS Backup) on a free port, with
 * the scenario's faults, plus one fault the scenario language cannot say: a throttling storm on a single
 * table's DescribeContinuousBackups.
 */
final class SandboxFixture implements AutoCloseable {
    private final Scenario scenario;
    private final SandboxServer server;
    private final ThrottledTable dynamo;
    private SandboxGate gate;

    SandboxFixture(Scenario scenario) {
        this.scenario = scenario;
        this.dynamo = new ThrottledTable(new DynamoDbHandler());
        try {
            this.server = new SandboxServer(scenario.world(), List.of(dynamo, new TaggingHandler(),
                    new StsHandler(scenario.world()), new BackupHandler())).start(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        resetFaults();
    }

    URI endpoint() {
        return URI.create(server.endpoint());
    }

    /** The scenario's own faults and limits, afresh; no table throttled. */
    SandboxGate resetFaults() {
        gate = scenario.gate();
        server.setGate(gate);
        dynamo.table = null;
        return gate;
    }

    /** Every DescribeContinuousBackups of this table answers ThrottlingException. */
    void throttlePitrOf(String table) {
        dynamo.table = table;
    }

    @Override
    public void close() {
        server.close();
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
