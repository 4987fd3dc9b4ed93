package io.backupsentinel.sandbox.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupsentinel.sandbox.http.AwsError;
import io.backupsentinel.sandbox.http.RequestContext;
import io.backupsentinel.sandbox.state.Table;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * ListTagsOfResource, TagResource and UntagResource on tables. ListTagsOfResource pages ten tags at a time
 * (in key order): AWS documents a NextToken without a page size, so a client must follow the token.
 */
final class TagOperations {
    private static final int PAGE = 10;

    ObjectNode list(JsonInput in, RequestContext ctx) {
        Table t = table(in, ctx);
        SortedMap<String, String> tags = new TreeMap<>(t.tags());
        String token = in.string("NextToken");
        if (token != null) {
            tags = tags.tailMap(PageTokens.decode(token, "ValidationException") + "\0");
        }
        ObjectNode out = JsonInput.object();
        var arr = out.putArray("Tags");
        String last = null;
        for (Map.Entry<String, String> e : tags.entrySet()) {
            if (arr.size() == PAGE) {
                out.put("NextToken", PageTokens.encode(last));
                break;
            }
            arr.addObject().put("Key", e.getKey()).put("Value", e.getValue());
            last = e.getKey();
        }
        return out;
    }

    ObjectNode tag(JsonInput in, RequestContext ctx) {
        Table t = table(in, ctx);
        if (!in.has("Tags")) {
            throw AwsError.validation("1 validation error detected: Value null at 'tags' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        Map<String, String> add = readTags(in);
        change(ctx, t, cur -> {
            Map<String, String> m = new HashMap<>(cur);
            m.putAll(add);
            return m;
        });
        return JsonInput.object();
    }

    ObjectNode untag(JsonInput in, RequestContext ctx) {
        Table t = table(in, ctx);
        List<String> keys = in.strings("TagKeys");
        change(ctx, t, cur -> {
            Map<String, String> m = new HashMap<>(cur);
            keys.forEach(m::remove);
            return m;
        });
        return JsonInput.object();
    }

    /** The Tags member of TagResource and CreateTable as a map; AWS lets a later duplicate key win. */
    static Map<String, String> readTags(JsonInput in) {
        Map<String, String> tags = new HashMap<>();
        JsonNode list = in.node("Tags");
        if (list != null && list.isArray()) {
            for (JsonNode tag : list) {
                String key = tag.path("Key").asText("");
                if (key.isEmpty() || key.length() > 128) {
                    throw AwsError.validation("1 validation error detected: Value '" + key + "' at 'tags.member.key' "
                            + "failed to satisfy constraint: Member must have length between 1 and 128");
                }
                tags.put(key, tag.path("Value").asText(""));
            }
        }
        return tags;
    }

    private static void change(RequestContext ctx, Table t,
                               java.util.function.UnaryOperator<Map<String, String>> f) {
        if ("CREATING".equals(t.status(ctx.now()))) {
            throw DdbErrors.resourceInUse("Attempt to change a resource which is still in use: Table is being created: "
                    + t.name());
        }
        if (ctx.region().tables().computeIfPresent(t.name(), (k, cur) -> cur.withTags(f.apply(cur.tags()))) == null) {
            throw DdbErrors.arnResourceNotFound(t.arn());
        }
    }

    private static Table table(JsonInput in, RequestContext ctx) {
        String arn = in.requiredString("ResourceArn");
        if (!arn.startsWith("arn:aws:dynamodb:") || !arn.contains(":table/")) {
            throw AwsError.validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
        }
        return Tables.find(ctx, arn).orElseThrow(() -> DdbErrors.arnResourceNotFound(arn));
    }
}
