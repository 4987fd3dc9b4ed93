package io.backupsentinel.sandbox.tagging;

import io.backupsentinel.testing.SandboxExtension;
import io.backupsentinel.testing.WorldBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.GetResourcesRequest;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.InvalidParameterException;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.ResourceTagMapping;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.Tag;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.TagFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GetResourcesIT {
    private final WorldBuilder world = WorldBuilder.create();
    @RegisterExtension
    final SandboxExtension sandbox = new SandboxExtension(world::world);

    private static List<String> tableNames(ResourceGroupsTaggingApiClient c, Consumer<GetResourcesRequest.Builder> req) {
        List<String> out = new ArrayList<>();
        c.getResourcesPaginator(req).resourceTagMappingList()
                .forEach(m -> out.add(m.resourceARN().substring(m.resourceARN().indexOf("table/") + 6)));
        return out;
    }

    @Test
    void pages_return_every_one_of_10000_tagged_tables_exactly_once() {
        for (int i = 0; i < 10_000; i++) {
            world.table(String.format("t-%05d", i), Map.of("env", i % 2 == 0 ? "prod" : "dev"));
        }
        ResourceGroupsTaggingApiClient tagging = sandbox.tagging();

        List<String> all = new ArrayList<>();
        int pages = 0;
        for (var page : tagging.getResourcesPaginator(r -> r.resourcesPerPage(100).resourceTypeFilters("dynamodb:table"))) {
            assertThat(page.resourceTagMappingList()).hasSizeLessThanOrEqualTo(100);
            page.resourceTagMappingList().forEach(m -> all.add(m.resourceARN()));
            pages++;
        }

        assertThat(all).hasSize(10_000).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo(100);
    }

    @Test
    void the_default_page_holds_50_resources_and_the_last_page_an_empty_token() {
        for (int i = 0; i < 60; i++) {
            world.table(String.format("t-%02d", i), Map.of("env", "prod"));
        }
        ResourceGroupsTaggingApiClient tagging = sandbox.tagging();

        var first = tagging.getResources(r -> r.resourceTypeFilters("dynamodb"));
        var second = tagging.getResources(r -> r.paginationToken(first.paginationToken()).resourceTypeFilters("dynamodb"));

        assertThat(first.resourceTagMappingList()).hasSize(50);
        assertThat(first.paginationToken()).isNotEmpty();
        assertThat(second.resourceTagMappingList()).hasSize(10);
        assertThat(second.paginationToken()).isEmpty();
    }

    @Test
    void tag_filters_are_and_ed_across_keys_and_or_ed_within_values() {
        world.table("orders", Map.of("env", "prod", "backup-tier", "gold"));
        world.table("sessions", Map.of("env", "prod", "backup-tier", "silver"));
        world.table("invoices", Map.of("env", "prod", "backup-tier", "bronze"));
        world.table("staging", Map.of("env", "staging", "backup-tier", "gold"));
        world.table("scratch", Map.of("env", "dev"));
        world.table("untagged", Map.of());
        ResourceGroupsTaggingApiClient tagging = sandbox.tagging();

        assertThat(tableNames(tagging, r -> r.tagFilters(
                TagFilter.builder().key("env").values("prod").build(),
                TagFilter.builder().key("backup-tier").values("gold", "silver").build())))
                .containsExactly("orders", "sessions");
        assertThat(tableNames(tagging, r -> r.tagFilters(TagFilter.builder().key("backup-tier").build())))
                .containsExactly("invoices", "orders", "sessions", "staging");
        assertThat(tableNames(tagging, r -> { }))
                .containsExactly("invoices", "orders", "scratch", "sessions", "staging");
    }

    @Test
    void every_tag_of_a_resource_is_returned() {
        world.table("orders", Map.of("env", "prod", "backup-tier", "gold"));
        ResourceGroupsTaggingApiClient tagging = sandbox.tagging();

        ResourceTagMapping m = tagging.getResources(r -> r.tagFilters(TagFilter.builder().key("env").build()))
                .resourceTagMappingList().get(0);

        assertThat(m.resourceARN()).isEqualTo("arn:aws:dynamodb:us-east-1:111111111111:table/orders");
        assertThat(m.tags()).containsExactly(Tag.builder().key("backup-tier").value("gold").build(),
                Tag.builder().key("env").value("prod").build());
    }

    @Test
    void other_resource_types_select_no_tables() {
        world.table("orders", Map.of("env", "prod"));
        ResourceGroupsTaggingApiClient tagging = sandbox.tagging();

        assertThat(tableNames(tagging, r -> r.resourceTypeFilters("ec2:instance"))).isEmpty();
        assertThat(tableNames(tagging, r -> r.resourceTypeFilters("ec2:instance", "dynamodb:table"))).containsExactly("orders");
    }

    @Test
    void an_arn_list_selects_those_tables_only() {
        world.table("orders", Map.of("env", "prod"));
        world.table("payments", Map.of("env", "prod"));
        ResourceGroupsTaggingApiClient tagging = sandbox.tagging();

        assertThat(tableNames(tagging, r -> r.resourceARNList("arn:aws:dynamodb:us-east-1:111111111111:table/payments",
                "arn:aws:dynamodb:us-east-1:111111111111:table/missing"))).containsExactly("payments");
    }

    @Test
    void an_arn_list_with_tag_filters_or_a_page_size_out_of_range_is_an_invalid_parameter() {
        ResourceGroupsTaggingApiClient tagging = sandbox.tagging();

        assertThatThrownBy(() -> tagging.getResources(r -> r.resourceARNList("arn:aws:dynamodb:us-east-1:111111111111:table/x")
                .tagFilters(TagFilter.builder().key("env").build()))).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> tagging.getResources(r -> r.resourcesPerPage(101)))
                .isInstanceOf(InvalidParameterException.class);
    }
}
