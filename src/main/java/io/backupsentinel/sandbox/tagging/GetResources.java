package io.backupsentinel.sandbox.tagging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupsentinel.sandbox.dynamodb.JsonInput;
import io.backupsentinel.sandbox.dynamodb.JsonOutput;
import io.backupsentinel.sandbox.dynamodb.PageTokens;
import io.backupsentinel.sandbox.http.AwsError;
import io.backupsentinel.sandbox.http.RequestContext;
import io.backupsentinel.sandbox.state.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;

/**
 * GetResources over the DynamoDB tables of the caller's account and region, in table-name order.
 *
 * <p>AWS returns resources that are tagged or were once tagged (the latter with an empty tag list). The
 * sandbox does not record tag history, so it returns the tables that have at least one tag now; a table
 * whose last tag was removed disappears from the answer rather than showing {@code "Tags": []}.
 *
 * <p>ResourcesPerPage is 1..100; its default is not documented, and the sandbox uses 50 (as moto does).
 * The last page carries an empty PaginationToken, as AWS sends it.
 */
final class GetResources {
    static final int DEFAULT_RESOURCES_PER_PAGE = 50;

    ObjectNode apply(JsonInput in, RequestContext ctx) {
        List<String> arnList = in.has("ResourceARNList") ? in.strings("ResourceARNList") : null;
        if (arnList != null && (in.has("TagFilters") || in.has("ResourceTypeFilters") || in.has("ResourcesPerPage")
                || in.has("TagsPerPage") || (in.has("PaginationToken") && !in.string("PaginationToken").isEmpty()))) {
            throw invalid("ResourceARNList cannot be combined with TagFilters, ResourceTypeFilters or pagination "
                    + "parameters");
        }
        Integer perPage = in.has("ResourcesPerPage") ? in.node("ResourcesPerPage").asInt() : null;
        if (perPage != null && (perPage < 1 || perPage > 100)) {
            throw invalid("ResourcesPerPage must be between 1 and 100");
        }
        Integer tagsPerPage = in.has("TagsPerPage") ? in.node("TagsPerPage").asInt() : null;
        if (tagsPerPage != null && (tagsPerPage < 100 || tagsPerPage > 500)) {
            throw invalid("TagsPerPage must be between 100 and 500");
        }
        List<TagFilter> filters = tagFilters(in.node("TagFilters"));
        boolean tablesWanted = typesIncludeTables(in.strings("ResourceTypeFilters"));
        NavigableMap<String, Table> tables = ctx.region().tables();
        String token = in.string("PaginationToken");
        if (token != null && !token.isEmpty()) {
            tables = tables.tailMap(PageTokens.decode(token, "PaginationTokenExpiredException"), false);
        }
        ObjectNode out = JsonInput.object();
        ArrayNode list = out.putArray("ResourceTagMappingList");
        int limit = perPage == null ? DEFAULT_RESOURCES_PER_PAGE : perPage;
        int tagCount = 0;
        String last = null;
        String next = "";
        for (Table t : tables.values()) {
            if (!tablesWanted || t.tags().isEmpty() || !filters.stream().allMatch(f -> f.matches(t.tags()))
                    || (arnList != null && !arnList.contains(t.arn()))) {
                continue;
            }
            int tagsHere = Math.max(1, t.tags().size());
            if (arnList == null && (list.size() == limit || (tagsPerPage != null && tagCount + tagsHere > tagsPerPage))) {
                next = PageTokens.encode(last);
                break;
            }
            ObjectNode mapping = list.addObject();
            mapping.put("ResourceARN", t.arn());
            JsonOutput.tags(mapping, "Tags", t.tags());
            tagCount += tagsHere;
            last = t.name();
        }
        out.put("PaginationToken", next);
        return out;
    }

    /** Whether the resource type filters (service[:type]) include DynamoDB tables; no filters means all types. */
    private static boolean typesIncludeTables(List<String> types) {
        return types.isEmpty() || types.contains("dynamodb") || types.contains("dynamodb:table");
    }

    private static List<TagFilter> tagFilters(JsonNode node) {
        List<TagFilter> out = new ArrayList<>();
        if (node == null || !node.isArray()) {
            return out;
        }
        if (node.size() > 50) {
            throw invalid("TagFilters can include up to 50 keys");
        }
        for (JsonNode f : node) {
            String key = f.path("Key").asText(null);
            if (key == null || key.isEmpty()) {
                throw invalid("TagFilter Key must be specified");
            }
            List<String> values = new ArrayList<>();
            f.path("Values").forEach(v -> values.add(v.asText()));
            if (values.size() > 20) {
                throw invalid("TagFilter " + key + " can include up to 20 values");
            }
            out.add(new TagFilter(key, values));
        }
        return out;
    }

    private static AwsError invalid(String message) {
        return new AwsError(400, "InvalidParameterException", message);
    }

}
