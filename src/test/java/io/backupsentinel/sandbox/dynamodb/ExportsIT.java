package io.backupsentinel.sandbox.dynamodb;

import io.backupsentinel.sandbox.state.Export;
import io.backupsentinel.testing.SandboxExtension;
import io.backupsentinel.testing.WorldBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ExportDescription;
import software.amazon.awssdk.services.dynamodb.model.ExportFormat;
import software.amazon.awssdk.services.dynamodb.model.ExportNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ExportStatus;
import software.amazon.awssdk.services.dynamodb.model.ExportSummary;
import software.amazon.awssdk.services.dynamodb.model.ExportType;
import software.amazon.awssdk.services.dynamodb.model.S3SseAlgorithm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportsIT {
    private final WorldBuilder world = WorldBuilder.create();
    @RegisterExtension
    final SandboxExtension sandbox = new SandboxExtension(world::world);

    @Test
    void a_failed_export_is_listed_and_described_with_its_failure() {
        var table = world.table("events", Map.of());
        Export failed = world.export("events", "FAILED", Duration.ofDays(1), "S3NoSuchBucket",
                "The specified bucket does not exist");
        DynamoDbClient ddb = sandbox.dynamo();

        ExportSummary s = ddb.listExports(r -> r.tableArn(table.arn())).exportSummaries().get(0);
        ExportDescription d = ddb.describeExport(r -> r.exportArn(failed.arn())).exportDescription();

        assertThat(s.exportArn()).isEqualTo(failed.arn());
        assertThat(s.exportStatus()).isEqualTo(ExportStatus.FAILED);
        assertThat(s.exportType()).isEqualTo(ExportType.FULL_EXPORT);
        assertThat(d.exportStatus()).isEqualTo(ExportStatus.FAILED);
        assertThat(d.failureCode()).isEqualTo("S3NoSuchBucket");
        assertThat(d.failureMessage()).isEqualTo("The specified bucket does not exist");
        assertThat(d.exportManifest()).isNull();
    }

    @Test
    void a_completed_export_is_described_with_every_field_a_check_reads() {
        var table = world.table("orders", Map.of());
        Export done = world.export("orders", "COMPLETED", Duration.ofHours(20), null, null);
        DynamoDbClient ddb = sandbox.dynamo();

        ExportDescription d = ddb.describeExport(r -> r.exportArn(done.arn())).exportDescription();

        assertThat(d.exportArn()).isEqualTo(done.arn());
        assertThat(d.exportStatus()).isEqualTo(ExportStatus.COMPLETED);
        assertThat(d.tableArn()).isEqualTo(table.arn());
        assertThat(d.tableId()).isEqualTo(table.tableId());
        assertThat(d.startTime()).isEqualTo(done.startTime());
        assertThat(d.endTime()).isEqualTo(done.endTime());
        assertThat(d.exportTime()).isEqualTo(done.exportTime());
        assertThat(d.s3Bucket()).isEqualTo("exports-bucket");
        assertThat(d.s3Prefix()).isEqualTo("ddb/orders");
        assertThat(d.s3SseAlgorithm()).isEqualTo(S3SseAlgorithm.KMS);
        assertThat(d.s3SseKmsKeyId()).isEqualTo(done.kmsKeyId());
        assertThat(d.exportFormat()).isEqualTo(ExportFormat.DYNAMODB_JSON);
        assertThat(d.exportType()).isEqualTo(ExportType.FULL_EXPORT);
        assertThat(d.itemCount()).isEqualTo(10);
        assertThat(d.billedSizeBytes()).isEqualTo(4096);
        assertThat(d.exportManifest()).endsWith("/manifest-summary.json");
    }

    @Test
    void exports_are_paged_newest_arn_first_and_those_started_over_90_days_ago_are_not_listed() {
        world.table("orders", Map.of());
        for (int i = 0; i < 60; i++) {
            world.export("orders", "COMPLETED", Duration.ofDays(i * 2L), null, null);
        }
        DynamoDbClient ddb = sandbox.dynamo();

        List<String> seen = new ArrayList<>();
        for (var page : ddb.listExportsPaginator(r -> r.maxResults(7))) {
            assertThat(page.exportSummaries()).hasSizeLessThanOrEqualTo(7);
            page.exportSummaries().forEach(e -> seen.add(e.exportArn()));
        }

        // Ages 0, 2, ... 118 days: the 46 of 0..90 days are listed.
        assertThat(seen).hasSize(46).doesNotHaveDuplicates().isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void describing_a_missing_export_is_export_not_found() {
        DynamoDbClient ddb = sandbox.dynamo();

        assertThatThrownBy(() -> ddb.describeExport(r -> r.exportArn(
                "arn:aws:dynamodb:us-east-1:111111111111:table/orders/export/01700000000000-deadbeef")))
                .isInstanceOf(ExportNotFoundException.class);
    }
}
