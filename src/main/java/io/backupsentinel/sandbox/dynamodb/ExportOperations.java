package io.backupsentinel.sandbox.dynamodb;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupsentinel.sandbox.http.RequestContext;
import io.backupsentinel.sandbox.state.Export;

import java.time.Duration;
import java.time.Instant;
import java.util.NavigableMap;

/**
 * ListExports and DescribeExport. ListExports shows the exports of the last 90 days in reverse order of
 * ExportArn (as the API reference says), of every status, so a FAILED export is visible to a client.
 */
final class ExportOperations {
    private static final Duration LISTED_FOR = Duration.ofDays(90);
    private static final int DEFAULT_PAGE = 25;

    ObjectNode list(JsonInput in, RequestContext ctx) {
        String tableArn = in.string("TableArn");
        Integer max = in.integer("MaxResults", 1, 25);
        int limit = max == null ? DEFAULT_PAGE : max;
        String token = in.string("NextToken");
        NavigableMap<String, Export> all = ctx.region().exports().descendingMap();
        NavigableMap<String, Export> rest = token == null ? all
                : all.tailMap(PageTokens.decode(token, "ValidationException"), false);
        Instant since = ctx.now().minus(LISTED_FOR);
        ObjectNode out = JsonInput.object();
        ArrayNode summaries = out.putArray("ExportSummaries");
        String last = null;
        for (Export e : rest.values()) {
            if ((tableArn != null && !tableArn.equals(e.tableArn())) || e.startTime().isBefore(since)) {
                continue;
            }
            if (summaries.size() == limit) {
                out.put("NextToken", PageTokens.encode(last));
                break;
            }
            summaries.addObject().put("ExportArn", e.arn()).put("ExportStatus", e.status()).put("ExportType", e.exportType());
            last = e.arn();
        }
        return out;
    }

    ObjectNode describe(JsonInput in, RequestContext ctx) {
        String arn = in.requiredString("ExportArn");
        Export e = ctx.region().exports().get(arn);
        if (e == null) {
            throw DdbErrors.exportNotFound(arn);
        }
        ObjectNode d = JsonInput.object();
        d.put("ExportArn", e.arn());
        d.put("ExportStatus", e.status());
        JsonOutput.time(d, "StartTime", e.startTime());
        JsonOutput.time(d, "EndTime", e.endTime());
        if ("COMPLETED".equals(e.status())) {
            String id = e.arn().substring(e.arn().lastIndexOf('/') + 1);
            String prefix = e.s3Prefix() == null || e.s3Prefix().isEmpty() ? "" : e.s3Prefix() + "/";
            d.put("ExportManifest", prefix + "AWSDynamoDB/" + id + "/manifest-summary.json");
        }
        d.put("TableArn", e.tableArn());
        d.put("TableId", e.tableId());
        JsonOutput.time(d, "ExportTime", e.exportTime());
        JsonOutput.string(d, "S3Bucket", e.s3Bucket());
        JsonOutput.string(d, "S3BucketOwner", ctx.account());
        JsonOutput.string(d, "S3Prefix", e.s3Prefix());
        JsonOutput.string(d, "S3SseAlgorithm", e.sseAlgorithm());
        JsonOutput.string(d, "S3SseKmsKeyId", e.kmsKeyId());
        JsonOutput.string(d, "FailureCode", e.failureCode());
        JsonOutput.string(d, "FailureMessage", e.failureMessage());
        JsonOutput.string(d, "ExportFormat", e.exportFormat());
        if ("COMPLETED".equals(e.status())) {
            d.put("BilledSizeBytes", e.billedSizeBytes());
            d.put("ItemCount", e.itemCount());
        }
        JsonOutput.string(d, "ExportType", e.exportType());
        ObjectNode out = JsonInput.object();
        out.set("ExportDescription", d);
        return out;
    }
}
