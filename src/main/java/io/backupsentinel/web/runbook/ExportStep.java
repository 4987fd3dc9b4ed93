package io.backupsentinel.web.runbook;

import io.backupsentinel.model.ExportRecord;
import io.backupsentinel.model.Fact;
import io.backupsentinel.model.TableDescription;
import io.backupsentinel.model.TableDescription.KeyElement;
import io.backupsentinel.model.TableRef;
import io.backupsentinel.web.runbook.RunbookStep.Detail;
import io.backupsentinel.web.runbook.RunbookStep.Kind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The newest COMPLETED full export to S3: ImportTable into a new table. An export writes its data files under
 * {@code [prefix/]AWSDynamoDB/<export id>/data/} (DynamoDB developer guide, "DynamoDB table export output
 * format"), gzip-compressed, and the export id is the last segment of the export ARN
 * ({@code arn:aws:dynamodb:REGION:ACCOUNT:table/NAME/export/ID}). ImportTable re-creates the table, so it
 * needs the key schema and key attribute types from DescribeTable.
 */
final class ExportStep {
    static final String TITLE = "From the newest export to S3";
    private static final String EXPORT_MARK = "/export/";

    private ExportStep() {
    }

    static RunbookStep of(TableRef table, Fact<List<ExportRecord>> exports, Optional<TableDescription> description,
                          String target) {
        CliCommand check = CliCommand.aws("dynamodb", "list-exports")
                .option("--table-arn", table.arn()).option("--region", table.region())
                .build("List the table's exports");
        if (!exports.known()) {
            return RunbookStep.unavailable(Kind.EXPORT, TITLE,
                    "The table's exports could not be listed: " + exports.cause() + ". List them by hand:", check);
        }
        List<ExportRecord> completed = exports.value().stream()
                .filter(ExportRecord::completed).filter(e -> e.arn() != null && e.exportTime() != null).toList();
        Optional<ExportRecord> newest = completed.stream().filter(ExportStep::full)
                .max(Comparator.comparing(ExportRecord::exportTime));
        if (newest.isEmpty()) {
            return RunbookStep.unavailable(Kind.EXPORT, TITLE, completed.isEmpty()
                    ? "The table has no COMPLETED export to S3."
                    : "The table has only incremental exports, and an incremental export cannot be imported as a "
                    + "table on its own: it needs the full export it builds on.", check);
        }
        ExportRecord e = newest.get();
        String id = exportId(e.arn());
        if (e.s3Bucket() == null || e.s3Bucket().isEmpty() || id == null) {
            return RunbookStep.unavailable(Kind.EXPORT, TITLE, "The newest export (" + e.arn() + ") did not report "
                    + (id == null ? "an export id in its ARN" : "its S3 bucket") + "; describe it by hand:",
                    CliCommand.aws("dynamodb", "describe-export").option("--export-arn", e.arn())
                            .option("--region", table.region()).build("Describe the export"));
        }
        String prefix = keyPrefix(e.s3Prefix(), id);
        List<Detail> details = new ArrayList<>();
        details.add(Detail.time("Export time", e.exportTime()));
        details.add(Detail.text("Export ARN", e.arn()));
        details.add(Detail.text("S3 data", "s3://" + e.s3Bucket() + "/" + prefix));
        details.add(Detail.text("Restored table name", target));
        String why = "Choose this when no backup or recovery point is usable, or to restore into another account: it "
                + "loads the data as it was at the export time (" + Times.iso(e.exportTime()) + ") into a new table. "
                + "Secondary indexes, streams, TTL, tags and PITR are not carried over.";
        List<String> notes = new ArrayList<>();
        if (e.s3Prefix() == null) {
            notes.add("The export did not report an S3 prefix; if it was written under one, put it (and a '/') before "
                    + "AWSDynamoDB/ in S3KeyPrefix.");
        }
        if (description.isEmpty()) {
            String name = table.name();
            return new RunbookStep(Kind.EXPORT, TITLE, false, "An import re-creates the table, so it needs the table's "
                    + "key schema, key attribute types and capacity mode, which have not been collected. Read them "
                    + "from the table (or, if it is gone, from an on-demand backup with describe-backup):",
                    details, List.of(CliCommand.aws("dynamodb", "describe-table").option("--table-name", name)
                    .option("--query", "Table.[KeySchema,AttributeDefinitions,BillingModeSummary,ProvisionedThroughput]")
                    .option("--region", table.region()).build("Read the key schema and capacity")), notes);
        }
        Optional<Map<String, Object>> creation = creationParameters(description.get(), target);
        if (creation.isEmpty()) {
            return new RunbookStep(Kind.EXPORT, TITLE, false, "The table's description lacks a key attribute's type "
                    + "(AttributeDefinitions), which the import needs; describe the table by hand.", details,
                    List.of(), notes);
        }
        notes.add(0, "The command prints an ImportArn; follow it with \"aws dynamodb describe-import --import-arn ARN "
                + "--region " + table.region() + "\" until ImportStatus is COMPLETED. If the table had secondary "
                + "indexes, add them as GlobalSecondaryIndexes to the table-creation parameters before running it.");
        Map<String, String> source = new LinkedHashMap<>();
        source.put("S3Bucket", e.s3Bucket());
        source.put("S3KeyPrefix", prefix);
        CliCommand importTable = CliCommand.aws("dynamodb", "import-table")
                .option("--s3-bucket-source", Json.write(source))
                .option("--input-format", e.exportFormat() == null ? "DYNAMODB_JSON" : e.exportFormat())
                .option("--input-compression-type", "GZIP")
                .option("--table-creation-parameters", Json.write(creation.get()))
                .option("--region", table.region())
                .build("Import the export of " + Times.iso(e.exportTime()) + " into a new table");
        return new RunbookStep(Kind.EXPORT, TITLE, true, why, details, List.of(importTable), notes);
    }

    private static boolean full(ExportRecord e) {
        // Exports made before incremental exports existed report no type: they are full exports.
        return e.exportType() == null || "FULL_EXPORT".equals(e.exportType());
    }

    /** The export id: the ARN's segment after "/export/"; null when the ARN has none. */
    static String exportId(String arn) {
        int at = arn.lastIndexOf(EXPORT_MARK);
        if (at < 0 || at + EXPORT_MARK.length() >= arn.length()) {
            return null;
        }
        return arn.substring(at + EXPORT_MARK.length());
    }

    static String keyPrefix(String s3Prefix, String exportId) {
        String p = s3Prefix == null ? "" : s3Prefix;
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return (p.isEmpty() ? "" : p + "/") + "AWSDynamoDB/" + exportId + "/data/";
    }

    /** ImportTable's TableCreationParameters; empty when a key attribute's type is unknown. */
    static Optional<Map<String, Object>> creationParameters(TableDescription d, String target) {
        if (d.keySchema().isEmpty()) {
            return Optional.empty();
        }
        List<Map<String, String>> attributes = new ArrayList<>();
        List<Map<String, String>> keys = new ArrayList<>();
        for (KeyElement k : d.keySchema()) {
            String type = d.keyAttributeTypes().get(k.attributeName());
            if (type == null) {
                return Optional.empty();
            }
            attributes.add(pair("AttributeName", k.attributeName(), "AttributeType", type));
            keys.add(pair("AttributeName", k.attributeName(), "KeyType", k.keyType()));
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("TableName", target);
        p.put("AttributeDefinitions", attributes);
        p.put("KeySchema", keys);
        p.put("BillingMode", d.billingMode());
        if ("PROVISIONED".equals(d.billingMode()) && d.readCapacityUnits() != null && d.writeCapacityUnits() != null) {
            Map<String, Long> throughput = new LinkedHashMap<>();
            throughput.put("ReadCapacityUnits", d.readCapacityUnits());
            throughput.put("WriteCapacityUnits", d.writeCapacityUnits());
            p.put("ProvisionedThroughput", throughput);
        }
        return Optional.of(p);
    }

    private static Map<String, String> pair(String k1, String v1, String k2, String v2) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }
}
