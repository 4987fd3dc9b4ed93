package io.backupsentinel.sandbox.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupsentinel.sandbox.http.AwsError;
import io.backupsentinel.sandbox.http.RequestContext;
import io.backupsentinel.sandbox.state.Region;
import io.backupsentinel.sandbox.state.Table;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.UUID;
import java.util.regex.Pattern;

/** ListTables, DescribeTable, CreateTable and DeleteTable. */
final class TableOperations {
    static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
    private final TableDetailsStore details;
    private final Duration createDelay;

    TableOperations(TableDetailsStore details, Duration createDelay) {
        this.details = details;
        this.createDelay = createDelay;
    }

    ObjectNode listTables(JsonInput in, RequestContext ctx) {
        Integer given = in.integer("Limit", 1, 100);
        int limit = given == null ? 100 : given;
        String start = in.string("ExclusiveStartTableName", 3, 255);
        NavigableMap<String, Table> tables = ctx.region().tables();
        NavigableMap<String, Table> rest = start == null ? tables : tables.tailMap(start, false);
        ObjectNode out = JsonInput.object();
        ArrayNode names = out.putArray("TableNames");
        String last = null;
        for (String name : rest.keySet()) {
            if (names.size() == limit) {
                out.put("LastEvaluatedTableName", last);
                break;
            }
            names.add(name);
            last = name;
        }
        return out;
    }

    ObjectNode describeTable(JsonInput in, RequestContext ctx) {
        String name = in.requiredString("TableName");
        Table t = Tables.find(ctx, name).orElseThrow(() -> DdbErrors.tableResourceNotFound(Tables.displayName(name)));
        ObjectNode out = JsonInput.object();
        out.set("Table", TableDescriptions.describe(t, details.of(t), ctx.now()));
        return out;
    }

    ObjectNode createTable(JsonInput in, RequestContext ctx) {
        String name = validName(in, "TableName");
        List<TableDetails.Key> keys = keySchema(in);
        String billing = in.enumValue("BillingMode", List.of("PROVISIONED", "PAY_PER_REQUEST"));
        billing = billing == null ? "PROVISIONED" : billing;
        JsonInput pt = in.child("ProvisionedThroughput");
        if ("PROVISIONED".equals(billing) && (!pt.has("ReadCapacityUnits") || !pt.has("WriteCapacityUnits"))) {
            throw AwsError.validation("One or more parameter values were invalid: ReadCapacityUnits and "
                    + "WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        }
        if ("PAY_PER_REQUEST".equals(billing) && in.has("ProvisionedThroughput")) {
            throw AwsError.validation("One or more parameter values were invalid: Neither ReadCapacityUnits nor "
                    + "WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        }
        long rcu = pt.has("ReadCapacityUnits") ? pt.node("ReadCapacityUnits").asLong() : 0;
        long wcu = pt.has("WriteCapacityUnits") ? pt.node("WriteCapacityUnits").asLong() : 0;
        Map<String, String> tags = TagOperations.readTags(in);
        Region region = ctx.region();
        Table t = new Table(name, region.tableArn(name), UUID.randomUUID().toString(), ctx.now(),
                ctx.now().plus(createDelay), keys.get(0).name(), 0, 0, tags, null, 35, Table.DEFAULT_PITR_LAG);
        if (region.tables().putIfAbsent(name, t) != null) {
            throw DdbErrors.resourceInUse("Table already exists: " + name);
        }
        TableDetails d = new TableDetails(keys, billing, rcu, wcu, null);
        details.put(t.arn(), d);
        ObjectNode out = JsonInput.object();
        out.set("TableDescription", TableDescriptions.describe(t, d, ctx.now()));
        return out;
    }

    ObjectNode deleteTable(JsonInput in, RequestContext ctx) {
        String name = in.requiredString("TableName");
        Table t = Tables.find(ctx, name).orElseThrow(() -> DdbErrors.tableResourceNotFound(Tables.displayName(name)));
        if ("CREATING".equals(t.status(ctx.now()))) {
            throw DdbErrors.resourceInUse("Attempt to change a resource which is still in use: Table is being created: "
                    + t.name());
        }
        if (!ctx.region().tables().remove(t.name(), t)) {
            throw DdbErrors.tableResourceNotFound(t.name());
        }
        TableDetails d = details.of(t);
        details.remove(t.arn());
        ObjectNode out = JsonInput.object();
        out.set("TableDescription", TableDescriptions.describe(t, d, "DELETING"));
        return out;
    }

    static String validName(JsonInput in, String member) {
        String name = in.requiredString(member);
        in.string(member, 3, 255);
        if (!TABLE_NAME.matcher(name).matches()) {
            throw AwsError.validation("1 validation error detected: Value '" + name + "' at '" + JsonInput.camel(member)
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
        return name;
    }

    /** KeySchema with exactly one HASH key first, every key attribute defined in AttributeDefinitions. */
    private static List<TableDetails.Key> keySchema(JsonInput in) {
        JsonNode schema = in.node("KeySchema");
        if (schema == null || !schema.isArray() || schema.isEmpty()) {
            throw AwsError.validation("1 validation error detected: Value null at 'keySchema' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        Map<String, String> types = new LinkedHashMap<>();
        JsonNode defs = in.node("AttributeDefinitions");
        if (defs != null && defs.isArray()) {
            defs.forEach(a -> types.put(a.path("AttributeName").asText(), a.path("AttributeType").asText()));
        }
        List<TableDetails.Key> keys = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (JsonNode k : schema) {
            String attr = k.path("AttributeName").asText();
            String type = k.path("KeyType").asText();
            if (!type.equals("HASH") && !type.equals("RANGE")) {
                throw AwsError.validation("1 validation error detected: Value '" + type + "' at 'keySchema.member.keyType' "
                        + "failed to satisfy constraint: Member must satisfy enum value set: [HASH, RANGE]");
            }
            if (!types.containsKey(attr)) {
                missing.add(attr);
            }
            keys.add(new TableDetails.Key(attr, type, types.getOrDefault(attr, "S")));
        }
        if (!missing.isEmpty()) {
            throw AwsError.validation("One or more parameter values were invalid: Some index key attributes are not "
                    + "defined in AttributeDefinitions. Keys: " + missing + ", AttributeDefinitions: " + types.keySet());
        }
        if (!keys.get(0).keyType().equals("HASH") || keys.stream().filter(k -> k.keyType().equals("HASH")).count() != 1
                || keys.size() > 2) {
            throw AwsError.validation("1 validation error detected: Invalid KeySchema: The first KeySchemaElement "
                    + "is not a HASH key type");
        }
        return keys;
    }
}
