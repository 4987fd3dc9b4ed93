package io.backupsentinel.testing;

import io.backupsentinel.sandbox.backup.BackupHandler;
import io.backupsentinel.sandbox.http.SandboxServer;
import io.backupsentinel.sandbox.state.World;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.backup.BackupClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.function.Consumer;

/**
 * A sandbox serving AWS Backup on a free loopback port, and real SDK clients pointed at it with static
 * credentials, as a user would configure them with AWS_ENDPOINT_URL.
 */
public final class BackupSandbox implements AutoCloseable {
    private final SandboxServer server;
    private final BackupClient client;

    public BackupSandbox(World world) {
        try {
            server = new SandboxServer(world, List.of(new BackupHandler())).start(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        client = client(BackupWorldFixtures.REGION, c -> { });
    }

    public SandboxServer server() {
        return server;
    }

    public BackupClient client() {
        return client;
    }

    /** Another client, e.g. for another region or with interceptors or retries configured. */
    public BackupClient client(String region, Consumer<ClientOverrideConfiguration.Builder> override) {
        return BackupClient.builder()
                .endpointOverride(URI.create(server.endpoint()))
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIDSANDBOXTEST", "sandbox-secret")))
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(override)
                .build();
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
