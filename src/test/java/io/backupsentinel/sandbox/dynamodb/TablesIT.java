package io.backupsentinel.sandbox.dynamodb;

import io.backupsentinel.testing.SandboxExtension;
import io.backupsentinel.testing.WorldBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.Tag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TablesIT {
    private final WorldBuilder world = WorldBuilder.create();
    @RegisterExtension
    final SandboxExtension sandbox = new SandboxExtension(world::world);

    @Test
    void list_tables_pages_return_every_one_of_10000_tables_exactly_once() {
        for (int i = 0; i < 10_000; i++) {
            world.table(String.format("t-%05d", i), Map.of());
        }
        DynamoDbClient ddb = sandbox.dynamo();

        List<String> seen = new ArrayList<>();
        int pages = 0;
        for (var page : ddb.listTablesPaginator(r -> r.limit(100))) {
            assertThat(page.tableNames()).hasSizeLessThanOrEqualTo(100);
            seen.addAll(page.tableNames());
            pages++;
        }

        assertThat(seen).hasSize(10_000).doesNotHaveDuplicates().isSorted();
        assertThat(pages).isEqualTo(100);
    }

    @Test
    void list_tables_without_a_limit_returns_100_names_and_where_to_continue() {
        for (int i = 0; i < 150; i++) {
            world.table(String.format("t-%03d", i), Map.of());
        }
        DynamoDbClient ddb = sandbox.dynamo();

        var first = ddb.listTables();
        var second = ddb.listTables(r -> r.exclusiveStartTableName(first.lastEvaluatedTableName()));

        assertThat(first.tableNames()).hasSize(100);
        assertThat(first.lastEvaluatedTableName()).isEqualTo("t-099");
        assertThat(second.tableNames()).hasSize(50).startsWith("t-100");
        assertThat(second.lastEvaluatedTableName()).isNull();
    }

    @Test
    void a_list_tables_limit_above_100_is_a_validation_error() {
        DynamoDbClient ddb = sandbox.dynamo();

        assertThatThrownBy(() -> ddb.listTables(r -> r.limit(101)))
                .isInstanceOfSatisfying(DynamoDbException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
    }

    @Test
    void describe_table_reports_the_tables_identity_and_state() {
        var t = world.table("orders", Map.of("env", "prod"));
        DynamoDbClient ddb = sandbox.dynamo();

        TableDescription d = ddb.describeTable(r -> r.tableName("orders")).table();

        assertThat(d.tableName()).isEqualTo("orders");
        assertThat(d.tableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:111111111111:table/orders");
        assertThat(d.tableId()).isEqualTo(t.tableId());
        assertThat(d.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(d.creationDateTime()).isEqualTo(t.created());
        assertThat(d.keySchema()).singleElement().satisfies(k -> {
            assertThat(k.attributeName()).isEqualTo("pk");
            assertThat(k.keyType()).isEqualTo(KeyType.HASH);
        });
        assertThat(d.itemCount()).isEqualTo(10);
        assertThat(d.tableSizeBytes()).isEqualTo(2048);
        assertThat(d.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    }

    @Test
    void describing_an_unknown_table_is_resource_not_found_with_awss_wording() {
        DynamoDbClient ddb = sandbox.dynamo();

        assertThatThrownBy(() -> ddb.describeTable(r -> r.tableName("nope")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Requested resource not found: Table: nope not found");
    }

    @Test
    void a_created_table_is_listed_described_tagged_and_deleted() {
        DynamoDbClient ddb = sandbox.dynamo();

        TableDescription created = ddb.createTable(r -> r.tableName("fresh")
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("ts").attributeType(ScalarAttributeType.N))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH), k -> k.attributeName("ts").keyType(KeyType.RANGE))
                .billingMode(BillingMode.PROVISIONED).provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(3L))
                .tags(Tag.builder().key("env").value("dev").build())).tableDescription();

        assertThat(created.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(created.keySchema()).extracting(k -> k.attributeName()).containsExactly("id", "ts");
        assertThat(created.provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
        assertThat(ddb.listTables().tableNames()).containsExactly("fresh");
        assertThat(ddb.listTagsOfResource(r -> r.resourceArn(created.tableArn())).tags())
                .containsExactly(Tag.builder().key("env").value("dev").build());
        assertThat(ddb.deleteTable(r -> r.tableName("fresh")).tableDescription().tableStatus())
                .isEqualTo(TableStatus.DELETING);
        assertThat(ddb.listTables().tableNames()).isEmpty();
    }

    @Test
    void creating_a_table_that_exists_is_resource_in_use() {
        world.table("orders", Map.of());
        DynamoDbClient ddb = sandbox.dynamo();

        assertThatThrownBy(() -> ddb.createTable(r -> r.tableName("orders")
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)).billingMode(BillingMode.PAY_PER_REQUEST)))
                .isInstanceOf(ResourceInUseException.class).hasMessageContaining("Table already exists: orders");
    }

    @Test
    void a_provisioned_table_without_throughput_is_a_validation_error() {
        DynamoDbClient ddb = sandbox.dynamo();

        assertThatThrownBy(() -> ddb.createTable(r -> r.tableName("x-table")
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))))
                .isInstanceOfSatisfying(DynamoDbException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
    }

    @Test
    void deleting_an_unknown_table_is_resource_not_found() {
        DynamoDbClient ddb = sandbox.dynamo();

        assertThatThrownBy(() -> ddb.deleteTable(r -> r.tableName("nope"))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void tags_are_added_overwritten_removed_and_paged_ten_at_a_time() {
        world.table("orders", Map.of("env", "prod"));
        DynamoDbClient ddb = sandbox.dynamo();
        String arn = "arn:aws:dynamodb:us-east-1:111111111111:table/orders";

        List<Tag> many = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            many.add(Tag.builder().key(String.format("k%02d", i)).value("v" + i).build());
        }
        ddb.tagResource(r -> r.resourceArn(arn).tags(many));
        ddb.tagResource(r -> r.resourceArn(arn).tags(Tag.builder().key("env").value("staging").build()));
        ddb.untagResource(r -> r.resourceArn(arn).tagKeys("k00", "k01"));

        Map<String, String> all = new java.util.TreeMap<>();
        int pages = 0;
        String token = null;
        do {
            String t = token;
            var page = ddb.listTagsOfResource(r -> r.resourceArn(arn).nextToken(t));
            page.tags().forEach(tag -> assertThat(all.put(tag.key(), tag.value())).isNull());
            token = page.nextToken();
            pages++;
        } while (token != null);

        assertThat(all).hasSize(23).containsEntry("env", "staging").doesNotContainKeys("k00", "k01");
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void tags_of_an_unknown_table_are_resource_not_found() {
        DynamoDbClient ddb = sandbox.dynamo();

        assertThatThrownBy(() -> ddb.listTagsOfResource(r -> r.resourceArn("arn:aws:dynamodb:us-east-1:111111111111:table/nope")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void a_table_created_with_a_delay_is_creating_until_the_clock_passes_it() {
        DynamoDbClient ddb = sandbox.start(new DynamoDbHandler(Duration.ofSeconds(20), Duration.ZERO, Duration.ZERO)).dynamo();

        ddb.createTable(r -> r.tableName("slow").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));

        assertThat(ddb.describeTable(r -> r.tableName("slow")).table().tableStatus()).isEqualTo(TableStatus.CREATING);
        assertThatThrownBy(() -> ddb.deleteTable(r -> r.tableName("slow"))).isInstanceOf(ResourceInUseException.class);
        world.world().clock().advance(Duration.ofSeconds(20));
        assertThat(ddb.describeTable(r -> r.tableName("slow")).table().tableStatus()).isEqualTo(TableStatus.ACTIVE);
    }

    @Test
    void tables_of_another_region_are_not_listed() {
        world.table("orders", Map.of());
        DynamoDbClient ddb = sandbox.dynamo();

        Set<String> names = new HashSet<>(sandbox.clients().inRegion("eu-west-1").dynamo().listTables().tableNames());

        assertThat(names).isEmpty();
        assertThat(ddb.listTables().tableNames().stream().collect(Collectors.toSet())).containsExactly("orders");
    }
}
