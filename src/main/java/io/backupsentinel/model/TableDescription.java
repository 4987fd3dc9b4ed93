package io.backupsentinel.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What DescribeTable says of a table that a restore and the storage estimate need: its size (PITR is billed on
 * it), its key schema and the types of its key attributes (an import from S3 must re-create them), and its
 * capacity mode. Table size is refreshed by AWS about every six hours, so it is read at most daily.
 *
 * @param sizeBytes          TableSizeBytes
 * @param itemCount          ItemCount
 * @param keySchema          KeySchema, partition key first
 * @param keyAttributeTypes  AttributeDefinitions: key attribute name → S, N or B
 * @param billingMode        PROVISIONED or PAY_PER_REQUEST (BillingModeSummary; PROVISIONED when absent)
 * @param readCapacityUnits  provisioned read capacity, null for PAY_PER_REQUEST
 * @param writeCapacityUnits provisioned write capacity, null for PAY_PER_REQUEST
 * @param describedAt        when DescribeTable was called
 */
public record TableDescription(long sizeBytes, long itemCount, List<KeyElement> keySchema,
                               Map<String, String> keyAttributeTypes, String billingMode,
                               Long readCapacityUnits, Long writeCapacityUnits, Instant describedAt) {
    /** One KeySchema element: an attribute name and HASH or RANGE. */
    public record KeyElement(String attributeName, String keyType) {
        public KeyElement {
            Objects.requireNonNull(attributeName, "attributeName");
            Objects.requireNonNull(keyType, "keyType");
        }
    }

    public TableDescription {
        keySchema = List.copyOf(keySchema);
        keyAttributeTypes = Map.copyOf(keyAttributeTypes);
        Objects.requireNonNull(billingMode, "billingMode");
        Objects.requireNonNull(describedAt, "describedAt");
    }
}
