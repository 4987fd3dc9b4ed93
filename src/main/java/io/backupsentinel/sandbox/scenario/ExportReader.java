package io.backupsentinel.sandbox.scenario;

import io.backupsentinel.yaml.YMap;
import io.backupsentinel.yaml.YNode;
import io.backupsentinel.sandbox.state.Export;
import io.backupsentinel.sandbox.state.Region;
import io.backupsentinel.sandbox.state.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Reads a table's {@code exports:} (DynamoDB exports to S3), including FAILED ones with their failure code. */
final class ExportReader {
    static final List<String> STATUSES = List.of("COMPLETED", "FAILED", "IN_PROGRESS");

    private ExportReader() {
    }

    static void read(LoadContext ctx, Region region, Table table, YNode node) {
        YMap m = node.map();
        List<Instant> times = Series.times(m, ctx);
        String status = m.oneOf("status", "COMPLETED", STATUSES);
        Duration took = m.duration("took", Duration.ofMinutes(15));
        String failureCode = m.str("failure_code");
        String failureMessage = m.str("failure_message");
        if ("FAILED".equals(status) && failureCode == null) {
            m.missing("failure_code");
        }
        if (!"FAILED".equals(status) && (failureCode != null || failureMessage != null)) {
            node.error("failure_code and failure_message belong to FAILED exports only");
        }
        String bucket = m.str("bucket", "sandbox-exports-" + region.account());
        String prefix = m.str("prefix", table.name());
        String sse = m.oneOf("sse", "AES256", List.of("AES256", "KMS"));
        String kmsKey = m.str("kms_key");
        if ("KMS".equals(sse) && kmsKey == null) {
            kmsKey = "arn:aws:kms:" + region.name() + ":" + region.account() + ":key/" + ctx.ids.uuid();
        }
        String type = m.oneOf("type", "FULL_EXPORT", List.of("FULL_EXPORT", "INCREMENTAL_EXPORT"));
        String format = m.oneOf("format", "DYNAMODB_JSON", List.of("DYNAMODB_JSON", "ION"));
        long items = m.integer("items", table.itemCount(), 0, Long.MAX_VALUE);
        long billed = m.integer("billed_size_bytes", table.sizeBytes(), 0, Long.MAX_VALUE);
        m.finish();
        for (Instant start : times) {
            String arn = table.arn() + "/export/" + ctx.ids.timedSuffix(start);
            Instant end = "IN_PROGRESS".equals(status) ? null : start.plus(took);
            boolean done = "COMPLETED".equals(status);
            region.exports().put(arn, new Export(arn, table.arn(), table.tableId(), status, start, end, start,
                    failureCode, failureMessage, bucket, prefix, sse, kmsKey, type, format, done ? items : 0,
                    done ? billed : 0));
        }
    }
}
