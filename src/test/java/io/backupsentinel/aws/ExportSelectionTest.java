package io.backupsentinel.aws;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExportSelectionTest {
    private static final String TABLE = "arn:aws:dynamodb:us-east-1:111111111111:table/events";

    private static RegionApi.ExportSummary export(String id, String status) {
        return new RegionApi.ExportSummary(TABLE + "/export/" + id, status, "FULL_EXPORT");
    }

    @Test
    void the_newest_completed_export_and_a_newer_failed_one_are_described() {
        var list = List.of(export("01700000000000-a", "COMPLETED"), export("01720000000000-c", "FAILED"),
                export("01710000000000-b", "COMPLETED"), export("01715000000000-d", "FAILED"));

        assertThat(ExportSelection.toDescribe(list))
                .containsExactly(TABLE + "/export/01720000000000-c", TABLE + "/export/01710000000000-b");
    }

    @Test
    void failed_exports_older_than_the_newest_completed_one_are_not_described() {
        var list = List.of(export("01700000000000-a", "FAILED"), export("01710000000000-b", "COMPLETED"));

        assertThat(ExportSelection.toDescribe(list)).containsExactly(TABLE + "/export/01710000000000-b");
    }

    @Test
    void exports_in_progress_are_skipped() {
        var list = List.of(export("01730000000000-a", "IN_PROGRESS"), export("01710000000000-b", "COMPLETED"));

        assertThat(ExportSelection.toDescribe(list)).containsExactly(TABLE + "/export/01710000000000-b");
    }

    @Test
    void when_an_id_does_not_start_with_a_time_every_export_is_described() {
        var list = List.of(export("abc", "COMPLETED"), export("01710000000000-b", "COMPLETED"));

        assertThat(ExportSelection.toDescribe(list)).hasSize(2);
    }

    @Test
    void the_table_is_read_from_the_export_arn() {
        assertThat(ExportSelection.tableArn(TABLE + "/export/01710000000000-b")).isEqualTo(TABLE);
        assertThat(ExportSelection.tableArn("arn:aws:dynamodb:us-east-1:1:table/x")).isNull();
        assertThat(ExportSelection.startMillis(TABLE + "/export/01710000000000-b")).hasValue(1710000000000L);
    }
}
