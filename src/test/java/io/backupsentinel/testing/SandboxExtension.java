package io.backupsentinel.testing;

import io.backupsentinel.sandbox.Sandbox;
import io.backupsentinel.sandbox.http.ServiceHandler;
import io.backupsentinel.sandbox.state.World;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The sandbox of one test, on a free loopback port, for a world the test builds in code. Register it on an
 * instance field with {@code @RegisterExtension}; it starts on first use (so after the test has filled its
 * world), or explicitly through {@link #start} with other handlers, and stops after each test together with
 * the clients it handed out.
 */
public final class SandboxExtension implements AfterEachCallback {
    private final Supplier<World> world;
    private final List<AutoCloseable> clients = new ArrayList<>();
    private Sandbox sandbox;

    public SandboxExtension(Supplier<World> world) {
        this.world = world;
    }

    /** Starts the sandbox now; each override replaces the standard handler of its service. */
    public SandboxExtension start(ServiceHandler... overrides) {
        if (sandbox != null) {
            throw new IllegalStateException("the sandbox of this test is already running at " + sandbox.endpoint());
        }
        sandbox = Sandbox.start(world.get(), 0, overrides);
        return this;
    }

    /** The running sandbox, started with the standard handlers if it is not yet. */
    public Sandbox running() {
        if (sandbox == null) {
            start();
        }
        return sandbox;
    }

    public URI endpoint() {
        return URI.create(running().endpoint());
    }

    /** The sandbox as an endpoint in us-east-1 with {@link AwsEndpoint#OWN_KEYS}, for clients of other kinds. */
    public AwsEndpoint clients() {
        return AwsEndpoint.at(endpoint());
    }

    public DynamoDbClient dynamo() {
        return closedAfterTest(clients().dynamo());
    }

    public BackupClient backup() {
        return closedAfterTest(clients().backup());
    }

    public ResourceGroupsTaggingApiClient tagging() {
        return closedAfterTest(clients().tagging());
    }

    public StsClient sts() {
        return closedAfterTest(clients().sts());
    }

    private <C extends AutoCloseable> C closedAfterTest(C client) {
        clients.add(client);
        return client;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            for (AutoCloseable c : clients) {
                c.close();
            }
        } finally {
            clients.clear();
            if (sandbox != null) {
                sandbox.close();
                sandbox = null;
            }
        }
    }
}
