package io.backupsentinel.sandbox.dynamodb;

import java.time.Instant;
import java.util.List;

/**
 * What DescribeTable shows of a table beyond the shared {@code state.Table} record: the key schema with
 * attribute types, the billing mode with its capacity, and for a restored table its RestoreSummary.
 * Tables loaded from a scenario have none and are described by {@link #defaults(String)}.
 */
record TableDetails(List<Key> keySchema, String billingMode, long readCapacity, long writeCapacity,
                    Restore restore) {
    /** One key attribute: name, HASH or RANGE, and its scalar type S, N or B. */
    record Key(String name, String keyType, String attributeType) {
    }

    /** RestoreSummary: the backup or the source table, and the time restored to. */
    record Restore(String sourceBackupArn, String sourceTableArn, Instant restoreDateTime) {
    }

    TableDetails {
        keySchema = List.copyOf(keySchema);
    }

    static TableDetails defaults(String hashKey) {
        return new TableDetails(List.of(new Key(hashKey == null ? "id" : hashKey, "HASH", "S")),
                "PAY_PER_REQUEST", 0, 0, null);
    }

    TableDetails withRestore(Restore r) {
        return new TableDetails(keySchema, billingMode, readCapacity, writeCapacity, r);
    }

    TableDetails withBilling(String mode, long rcu, long wcu) {
        return new TableDetails(keySchema, mode, rcu, wcu, restore);
    }
}
