package io.backupsentinel.sandbox.differential;

import io.backupsentinel.sandbox.Sandbox;
import io.backupsentinel.sandbox.dynamodb.DynamoDbHandler;
import io.backupsentinel.sandbox.state.VirtualClock;
import io.backupsentinel.sandbox.state.World;
import io.backupsentinel.testing.AwsEndpoint;
import io.backupsentinel.testing.MotoServer;
import io.backupsentinel.testing.SdkTrees;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.GetResourcesResponse;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.ResourceTagMapping;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.TagFilter;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the same sequence of SDK calls against moto and against the sandbox and compares the answers
 * member by member (present/absent, type and value), with ids, random ARN parts, secrets and times masked.
 * Where moto itself deviates from AWS, {@link #MOTO_DEVIATIONS} names the member and why; those members
 * are not compared and the sandbox follows AWS there (its own ITs pin that behaviour).
 *
 * <p>Without python3 and moto the test is skipped with the reason, unless {@code sentinel.requireMoto=true}.
 */
class MotoDifferentialIT {
    private static final String ACCOUNT = "123456789012";
    private static final String OTHER_ACCOUNT = "222222222222";
    private static final String ROLE = "arn:aws:iam::" + OTHER_ACCOUNT + ":role/BackupSentinelAudit";
    private static final AwsCredentialsProvider KEYS =
            AwsEndpoint.keys("AKIAIOSFODNN7EXAMPLE", "secret");

    /**
     * Where moto 5.2.1 answers differently from AWS (the API reference and the service model): step name
     * pattern → member path pattern → how moto deviates. Those members are not compared.
     */
    private static final Map<String, Map<String, String>> MOTO_DEVIATIONS = Map.ofEntries(
            Map.entry("(CreateTable\\..*|DescribeTable|DeleteTable|RestoreTable.*)", Map.of(
                    "\\.(Table|TableDescription)\\.TableId", "moto omits TableId, which AWS always returns",
                    "\\.(Table|TableDescription)\\.(GlobalSecondaryIndexes|LocalSecondaryIndexes)",
                    "moto returns empty index lists; AWS omits them when the table has no indexes",
                    "\\.(Table|TableDescription)\\.BillingModeSummary\\.LastUpdateToPayPerRequestDateTime",
                    "moto omits it; AWS reports when the table became on-demand")),
            Map.entry("RestoreTable(FromBackup|ToPointInTime)", Map.of(
                    "\\.TableDescription\\.BillingModeSummary\\.BillingMode",
                    "moto drops the BillingMode of a restored table; AWS keeps the source's (or the override)",
                    "\\.TableDescription\\.WarmThroughput\\..*Second",
                    "moto gives a restored table 0 warm throughput; AWS gives every on-demand table 12000/4000 reads/writes")),
            Map.entry("DeleteTable", Map.of("\\.TableDescription\\.(TableStatus|WarmThroughput\\.Status)",
                    "moto answers ACTIVE; AWS answers DELETING")),
            Map.entry("ListTables(\\.page|\\.afterDelete)?", Map.of(
                    "\\.TableNames\\[\\d+\\]|\\.LastEvaluatedTableName",
                    "moto lists tables in creation order; AWS in name order (the *.sorted steps compare the sets)")),
            Map.entry("(CreateBackup|ListBackups.*|DescribeBackup)", Map.of(
                    ".*\\.BackupSizeBytes", "moto reports a fixed 123 bytes; AWS the table's size (0 when empty)",
                    ".*\\.BackupSummaries\\[\\d+\\]\\.TableId", "moto omits TableId in backup summaries",
                    "\\.BackupDescription\\.SourceTableDetails\\.(TableId|BillingMode)",
                    "moto omits the source table's TableId and BillingMode")),
            Map.entry("RestoreTableToPointInTime\\.missing", Map.of(".*",
                    "moto answers SourceTableNotFoundException, which is not in the service model; AWS's model gives "
                            + "TableNotFoundException")),
            Map.entry("ListTagsOfResource\\.changed|GetResources(\\.filtered)?", Map.of(
                    "(\\.ResourceTagMappingList\\[0\\])?\\.Tags",
                    "moto appends a second tag with an existing key on TagResource; AWS overwrites the value")),
            Map.entry("ListTagsOfResource\\.missing", Map.of("\\.message",
                    "moto says only 'Requested resource not found'; AWS names the ARN")),
            Map.entry("GetResources(\\.filtered)?", Map.of("\\.PaginationToken",
                    "moto omits the token on the last page; AWS sends an empty string")),
            Map.entry("GetCallerIdentity", Map.of("\\.(Arn|UserId)",
                    "moto names every long-term key arn:aws:sts::ACCOUNT:user/moto with the access key as UserId; "
                            + "AWS gives the IAM user's arn:aws:iam:: ARN and its AIDA… id")),
            Map.entry("AssumeRole", Map.of("\\.PackedPolicySize",
                    "moto always reports 6; AWS reports it only when session policies or tags are passed")));

    private static MotoServer moto;
    private static Sandbox sandbox;

    @BeforeAll
    static void start() throws IOException {
        moto = MotoServer.startOrSkip("MotoDifferentialIT");
        // Real time, as moto uses it, so that both services' windows are computed from the same "now".
        World world = new World(VirtualClock.system());
        world.setDefaultAccount(ACCOUNT);
        world.account(ACCOUNT).region("us-east-1");
        world.account(OTHER_ACCOUNT).region("us-east-1");
        world.account(OTHER_ACCOUNT).roles().add(ROLE);
        sandbox = Sandbox.start(world, 0, new DynamoDbHandler(Duration.ZERO, Duration.ZERO, Duration.ZERO));
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void the_sandbox_answers_the_backup_api_calls_as_moto_does_apart_from_motos_known_deviations() {
        Map<String, Object> fromMoto = new Scenario(moto.endpoint()).run();
        Map<String, Object> fromSandbox = new Scenario(URI.create(sandbox.endpoint())).run();

        assertThat(fromSandbox.keySet()).containsExactlyElementsOf(fromMoto.keySet()).hasSizeGreaterThan(20);
        List<String> differences = new ArrayList<>();
        fromMoto.forEach((step, motoTree) -> SdkTrees.diff(step, fromSandbox.get(step), motoTree).forEach(d -> {
            if (isKnownMotoDeviation(step, d)) {
                System.out.println("known moto deviation, not compared: " + d);
            } else {
                differences.add(d);
            }
        }));
        assertThat(differences).as("sandbox | moto").isEmpty();
        // Both sides failing the same way would compare equal: only the steps meant to fail may be errors.
        fromSandbox.forEach((step, tree) -> assertThat(tree instanceof Map<?, ?> m && m.containsKey("errorCode"))
                .as(step + " answered " + tree).isEqualTo(step.endsWith(".missing") || step.endsWith(".exists")));
    }

    private static boolean isKnownMotoDeviation(String step, String difference) {
        String member = difference.substring(step.length(), difference.indexOf(": "));
        return MOTO_DEVIATIONS.entrySet().stream()
                .filter(e -> step.matches(e.getKey()))
                .flatMap(e -> e.getValue().keySet().stream())
                .anyMatch(p -> member.matches(p));
    }

    /** The call sequence, run once per service; every answer (or error) is recorded under its step name. */
    private static final class Scenario {
        private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        private static final Pattern BACKUP_ID = Pattern.compile("/backup/[0-9]{14}-[0-9a-f]{8}");
        private static final Pattern TEMP_KEY = Pattern.compile("ASIA[A-Z0-9]{16}");
        private static final Pattern ROLE_ID = Pattern.compile("AROA[A-Z0-9]+");
        private final AwsEndpoint endpoint;
        private final Map<String, Object> steps = new LinkedHashMap<>();

        Scenario(URI endpoint) {
            this.endpoint = AwsEndpoint.at(endpoint).as(KEYS);
        }

        private DynamoDbClient dynamo(AwsCredentialsProvider keys) {
            return endpoint.as(keys).dynamo();
        }

        private void step(String name, Supplier<Object> call) {
            Object tree;
            try {
                tree = SdkTrees.tree(call.get(), Scenario::normalise);
            } catch (AwsServiceException e) {
                Map<String, Object> err = new LinkedHashMap<>();
                err.put("errorCode", e.awsErrorDetails().errorCode());
                err.put("statusCode", e.statusCode());
                err.put("exception", e.getClass().getSimpleName());
                err.put("message", normalise(e.awsErrorDetails().errorMessage()));
                tree = err;
            }
            steps.put(name, tree);
        }

        static String normalise(String s) {
            if (s == null) {
                return null;
            }
            String out = UUID.matcher(s).replaceAll("<uuid>");
            out = BACKUP_ID.matcher(out).replaceAll("/backup/<id>");
            out = TEMP_KEY.matcher(out).replaceAll("<ASIA-key>");
            return ROLE_ID.matcher(out).replaceAll("<AROA-id>");
        }

        Map<String, Object> run() {
            DynamoDbClient ddb = dynamo(KEYS);
            ResourceGroupsTaggingApiClient tagging = endpoint.tagging();
            StsClient sts = endpoint.sts();

            createTable(ddb, "orders", Map.of("env", "prod", "backup-tier", "gold"));
            createTable(ddb, "sessions", Map.of("env", "prod", "backup-tier", "silver"));
            createTable(ddb, "scratch", Map.of());
            step("ListTables", ddb::listTables);
            step("ListTables.sorted", () -> sortedNames(ddb.listTables()));
            step("ListTables.page", () -> ddb.listTables(r -> r.limit(2)));
            step("DescribeTable", () -> ddb.describeTable(r -> r.tableName("orders")));
            step("DescribeTable.missing", () -> ddb.describeTable(r -> r.tableName("missing")));
            step("DescribeContinuousBackups.disabled", () -> ddb.describeContinuousBackups(r -> r.tableName("scratch")));
            step("UpdateContinuousBackups", () -> ddb.updateContinuousBackups(r -> r.tableName("orders")
                    .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true).recoveryPeriodInDays(7))));
            step("UpdateContinuousBackups.default", () -> ddb.updateContinuousBackups(r -> r.tableName("sessions")
                    .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true))));
            step("DescribeContinuousBackups", () -> ddb.describeContinuousBackups(r -> r.tableName("orders")));
            step("DescribeContinuousBackups.missing", () -> ddb.describeContinuousBackups(r -> r.tableName("missing")));
            step("UpdateContinuousBackups.disable", () -> ddb.updateContinuousBackups(r -> r.tableName("sessions")
                    .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(false))));
            String[] backupArn = new String[1];
            step("CreateBackup", () -> {
                var r = ddb.createBackup(b -> b.tableName("orders").backupName("orders-nightly"));
                backupArn[0] = r.backupDetails().backupArn();
                return r;
            });
            step("CreateBackup.missing", () -> ddb.createBackup(b -> b.tableName("missing").backupName("nope-backup")));
            step("ListBackups", () -> ddb.listBackups(r -> r.tableName("orders")));
            step("ListBackups.all", ddb::listBackups);
            step("DescribeBackup", () -> ddb.describeBackup(r -> r.backupArn(backupArn[0])));
            step("DescribeBackup.missing", () -> ddb.describeBackup(r -> r.backupArn(backupArn[0].replaceAll("-[0-9a-f]{8}$", "-00000000"))));
            step("RestoreTableFromBackup", () -> ddb.restoreTableFromBackup(r -> r.backupArn(backupArn[0])
                    .targetTableName("orders-from-backup")));
            step("RestoreTableFromBackup.exists", () -> ddb.restoreTableFromBackup(r -> r.backupArn(backupArn[0])
                    .targetTableName("sessions")));
            step("RestoreTableToPointInTime", () -> ddb.restoreTableToPointInTime(r -> r.sourceTableName("orders")
                    .targetTableName("orders-pitr").useLatestRestorableTime(true)));
            step("RestoreTableToPointInTime.missing", () -> ddb.restoreTableToPointInTime(r -> r.sourceTableName("missing")
                    .targetTableName("missing-pitr").useLatestRestorableTime(true)));
            step("ListTagsOfResource", () -> sortedTags(ddb.listTagsOfResource(r -> r.resourceArn(arn("orders")))));
            step("TagResource", () -> ddb.tagResource(r -> r.resourceArn(arn("orders"))
                    .tags(Tag.builder().key("owner").value("sre").build(), Tag.builder().key("env").value("production").build())));
            step("UntagResource", () -> ddb.untagResource(r -> r.resourceArn(arn("orders")).tagKeys("backup-tier")));
            step("ListTagsOfResource.changed", () -> sortedTags(ddb.listTagsOfResource(r -> r.resourceArn(arn("orders")))));
            step("ListTagsOfResource.missing", () -> ddb.listTagsOfResource(r -> r.resourceArn(arn("missing"))));
            step("ListExports", () -> ddb.listExports(r -> r.tableArn(arn("orders"))));
            step("GetResources", () -> sortedTags(tagging.getResources(r -> r.resourceTypeFilters("dynamodb:table"))));
            step("GetResources.filtered", () -> sortedTags(tagging.getResources(r -> r.tagFilters(
                    TagFilter.builder().key("env").values("prod", "production").build(),
                    TagFilter.builder().key("owner").build()))));
            step("GetCallerIdentity", sts::getCallerIdentity);
            Credentials[] creds = new Credentials[1];
            step("AssumeRole", () -> {
                var r = sts.assumeRole(b -> b.roleArn(ROLE).roleSessionName("sentinel").durationSeconds(900));
                creds[0] = r.credentials();
                return r.toBuilder().credentials(r.credentials().toBuilder().secretAccessKey(
                        r.credentials().secretAccessKey().length() + " chars").sessionToken("<token>").build()).build();
            });
            var assumed = StaticCredentialsProvider.create(AwsSessionCredentials.create(
                    creds[0].accessKeyId(), creds[0].secretAccessKey(), creds[0].sessionToken()));
            step("GetCallerIdentity.assumed", () -> endpoint.as(assumed).sts().getCallerIdentity());
            step("ListTables.assumed", () -> dynamo(assumed).listTables());
            step("DeleteTable", () -> ddb.deleteTable(r -> r.tableName("scratch")));
            step("ListTables.afterDelete", ddb::listTables);
            step("ListTables.afterDelete.sorted", () -> sortedNames(ddb.listTables()));
            return steps;
        }

        private void createTable(DynamoDbClient ddb, String name, Map<String, String> tags) {
            step("CreateTable." + name, () -> ddb.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                    .tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())));
        }

        /** Neither AWS nor moto documents an order of table tags, so tags are compared in key order. */
        private static ListTagsOfResourceResponse sortedTags(ListTagsOfResourceResponse r) {
            return r.toBuilder().tags(r.tags().stream().sorted(Comparator.comparing(Tag::key)
                    .thenComparing(Tag::value)).toList()).build();
        }

        private static GetResourcesResponse sortedTags(GetResourcesResponse r) {
            return r.toBuilder().resourceTagMappingList(r.resourceTagMappingList().stream()
                    .sorted(Comparator.comparing(ResourceTagMapping::resourceARN))
                    .map(m -> m.toBuilder().tags(m.tags().stream().sorted(Comparator.comparing(
                            software.amazon.awssdk.services.resourcegroupstaggingapi.model.Tag::key)
                            .thenComparing(software.amazon.awssdk.services.resourcegroupstaggingapi.model.Tag::value))
                            .toList()).build()).toList()).build();
        }

        private static List<String> sortedNames(ListTablesResponse r) {
            return r.tableNames().stream().sorted().toList();
        }

        private static String arn(String table) {
            return "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/" + table;
        }
    }
}
