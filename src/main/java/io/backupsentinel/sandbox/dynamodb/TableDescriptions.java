package io.backupsentinel.sandbox.dynamodb;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupsentinel.sandbox.state.Table;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Renders a table as DynamoDB's TableDescription shape. */
final class TableDescriptions {
    private TableDescriptions() {
    }

    static ObjectNode describe(Table t, TableDetails d, Instant now) {
        return describe(t, d, t.status(now));
    }

    /** With an explicit status, for DeleteTable's answer (DELETING). */
    static ObjectNode describe(Table t, TableDetails d, String status) {
        ObjectNode n = JsonInput.object();
        ArrayNode attrs = n.putArray("AttributeDefinitions");
        Map<String, String> types = new LinkedHashMap<>();
        d.keySchema().forEach(k -> types.put(k.name(), k.attributeType()));
        types.forEach((name, type) -> attrs.addObject().put("AttributeName", name).put("AttributeType", type));
        n.put("TableName", t.name());
        ArrayNode keys = n.putArray("KeySchema");
        d.keySchema().forEach(k -> keys.addObject().put("AttributeName", k.name()).put("KeyType", k.keyType()));
        n.put("TableStatus", status);
        JsonOutput.time(n, "CreationDateTime", t.created());
        ObjectNode pt = n.putObject("ProvisionedThroughput");
        pt.put("NumberOfDecreasesToday", 0);
        pt.put("ReadCapacityUnits", d.readCapacity());
        pt.put("WriteCapacityUnits", d.writeCapacity());
        n.put("TableSizeBytes", t.sizeBytes());
        n.put("ItemCount", t.itemCount());
        n.put("TableArn", t.arn());
        n.put("TableId", t.tableId());
        if ("PAY_PER_REQUEST".equals(d.billingMode())) {
            ObjectNode b = n.putObject("BillingModeSummary");
            b.put("BillingMode", "PAY_PER_REQUEST");
            JsonOutput.time(b, "LastUpdateToPayPerRequestDateTime", t.created());
        }
        if (d.restore() != null) {
            ObjectNode r = n.putObject("RestoreSummary");
            JsonOutput.string(r, "SourceBackupArn", d.restore().sourceBackupArn());
            JsonOutput.string(r, "SourceTableArn", d.restore().sourceTableArn());
            JsonOutput.time(r, "RestoreDateTime", d.restore().restoreDateTime());
            r.put("RestoreInProgress", "CREATING".equals(status));
        }
        n.put("DeletionProtectionEnabled", false);
        if ("PAY_PER_REQUEST".equals(d.billingMode())) {
            // Since late 2024 AWS reports an on-demand table's warm throughput: 12,000 reads and 4,000 writes a second.
            ObjectNode w = n.putObject("WarmThroughput");
            w.put("ReadUnitsPerSecond", 12000);
            w.put("WriteUnitsPerSecond", 4000);
            w.put("Status", status);
        }
        return n;
    }
}
