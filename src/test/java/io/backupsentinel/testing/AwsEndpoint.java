package io.backupsentinel.testing;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URI;
import java.util.function.Consumer;

/**
 * An AWS endpoint (the sandbox, moto) with a region and credentials, and real SDK clients for it, configured as
 * a user would with AWS_ENDPOINT_URL. The one place tests build DynamoDB, AWS Backup, tagging and STS clients.
 * The caller closes the clients it gets.
 */
public record AwsEndpoint(URI uri, String region, AwsCredentialsProvider credentials) {
    /** Static keys no scenario lists, so the sandbox puts their calls in its default account. */
    public static final AwsCredentialsProvider OWN_KEYS = keys("AKIAOWNACCOUNTKEY001", "secret");

    /** The endpoint in us-east-1 with {@link #OWN_KEYS}. */
    public static AwsEndpoint at(URI uri) {
        return new AwsEndpoint(uri, "us-east-1", OWN_KEYS);
    }

    public static AwsCredentialsProvider keys(String accessKeyId, String secretAccessKey) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
    }

    public AwsEndpoint inRegion(String otherRegion) {
        return new AwsEndpoint(uri, otherRegion, credentials);
    }

    public AwsEndpoint as(AwsCredentialsProvider otherCredentials) {
        return new AwsEndpoint(uri, region, otherCredentials);
    }

    public DynamoDbClient dynamo() {
        return dynamo(c -> { });
    }

    /** A DynamoDB client with overrides, e.g. another retry strategy. */
    public DynamoDbClient dynamo(Consumer<ClientOverrideConfiguration.Builder> override) {
        return build(DynamoDbClient.builder(), override);
    }

    public BackupClient backup() {
        return backup(c -> { });
    }

    /** An AWS Backup client with overrides, e.g. another retry strategy. */
    public BackupClient backup(Consumer<ClientOverrideConfiguration.Builder> override) {
        return build(BackupClient.builder(), override);
    }

    public ResourceGroupsTaggingApiClient tagging() {
        return build(ResourceGroupsTaggingApiClient.builder(), c -> { });
    }

    public StsClient sts() {
        return build(StsClient.builder(), c -> { });
    }

    private <B extends AwsClientBuilder<B, C>, C> C build(B builder,
                                                          Consumer<ClientOverrideConfiguration.Builder> override) {
        return builder.endpointOverride(uri).region(Region.of(region)).credentialsProvider(credentials)
                .overrideConfiguration(override).build();
    }
}
