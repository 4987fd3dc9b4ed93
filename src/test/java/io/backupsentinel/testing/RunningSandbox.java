package io.backupsentinel.testing;

import io.backupsentinel.sandbox.dynamodb.DynamoDbHandler;
import io.backupsentinel.sandbox.http.SandboxServer;
import io.backupsentinel.sandbox.state.World;
import io.backupsentinel.sandbox.sts.RoleTrust;
import io.backupsentinel.sandbox.sts.StsHandler;
import io.backupsentinel.sandbox.tagging.TaggingHandler;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;

/**
 * A sandbox serving DynamoDB, Tagging and STS on a free loopback port, and real SDK clients pointed at it
 * with static credentials. Close it to stop the server.
 */
public final class RunningSandbox implements AutoCloseable {
    public static final AwsCredentialsProvider OWN_KEYS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAOWNACCOUNTKEY001", "secret"));
    private final SandboxServer server;

    private RunningSandbox(SandboxServer server) {
        this.server = server;
    }

    public static RunningSandbox start(World world) {
        return start(world, new DynamoDbHandler());
    }

    public static RunningSandbox start(World world, DynamoDbHandler dynamo) {
        return start(world, dynamo, RoleTrust.declaredRoles(world));
    }

    public static RunningSandbox start(World world, DynamoDbHandler dynamo, RoleTrust trust) {
        try {
            return new RunningSandbox(new SandboxServer(world,
                    List.of(dynamo, new TaggingHandler(), new StsHandler(world, trust))).start(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SandboxServer server() {
        return server;
    }

    public URI endpoint() {
        return URI.create(server.endpoint());
    }

    public DynamoDbClient dynamo() {
        return dynamo(OWN_KEYS, "us-east-1");
    }

    public DynamoDbClient dynamo(AwsCredentialsProvider credentials, String region) {
        return DynamoDbClient.builder().endpointOverride(endpoint()).credentialsProvider(credentials)
                .region(Region.of(region)).build();
    }

    public ResourceGroupsTaggingApiClient tagging() {
        return ResourceGroupsTaggingApiClient.builder().endpointOverride(endpoint()).credentialsProvider(OWN_KEYS)
                .region(Region.US_EAST_1).build();
    }

    public StsClient sts(AwsCredentialsProvider credentials) {
        return StsClient.builder().endpointOverride(endpoint()).credentialsProvider(credentials)
                .region(Region.US_EAST_1).build();
    }

    @Override
    public void close() {
        server.close();
    }
}
