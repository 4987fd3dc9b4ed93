package io.backupsentinel.report.period;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostureScanTest {
    @Test
    void storage_text_gives_bytes_per_source_and_null_for_a_source_left_out() {
        assertThat(PostureScan.storageBytes("pitr=100 on_demand=2 aws_backup=30 export=4")).hasValueSatisfying(b ->
                assertThat(b).containsExactly(100L, 2L, 30L, 4L));
        assertThat(PostureScan.storageBytes("pitr=100 aws_backup=30")).hasValueSatisfying(b ->
                assertThat(b).containsExactly(100L, null, 30L, null));
    }

    @Test
    void storage_text_that_is_not_the_recorded_form_is_ignored() {
        assertThat(PostureScan.storageBytes("pitr=lots")).isEmpty();
        assertThat(PostureScan.storageBytes("")).isEmpty();
        assertThat(PostureScan.storageBytes(null)).isEmpty();
        assertThat(PostureScan.storageBytes("glacier=5")).isEmpty();
        assertThat(PostureScan.storageBytes("pitr=")).isEmpty();
        assertThat(PostureScan.storageBytes("=5")).isEmpty();
        assertThat(PostureScan.storageBytes("pitr=1=2")).isEmpty();
        assertThat(PostureScan.storageBytes("pitr=-1")).isEmpty();
        assertThat(PostureScan.storageBytes("pitr=١٢")).as("digits other than ASCII").isEmpty();
        assertThat(PostureScan.storageBytes("pitr=1234567890123456789")).as("nineteen digits").isEmpty();
        assertThat(PostureScan.storageBytes("pitr=100 onDemand=2")).isEmpty();
        assertThat(PostureScan.storageBytes("  pitr=7   export=0 ")).hasValueSatisfying(b ->
                assertThat(b).containsExactly(7L, null, null, 0L));
    }

    @Test
    void tags_are_read_from_canonical_json_and_garbage_counts_as_none_recorded() {
        assertThat(PostureScan.parseTags("{\"env\":\"prod\",\"team\":\"a=b\"}")).containsEntry("env", "prod").containsEntry("team", "a=b");
        assertThat(PostureScan.parseTags("{}")).isEmpty();
        assertThat(PostureScan.parseTags("{\"b\":\"2\",\"a\":\"1\"}")).containsExactly(
                org.assertj.core.api.Assertions.entry("a", "1"), org.assertj.core.api.Assertions.entry("b", "2"));
        assertThat(PostureScan.parseTags("not json")).isNull();
        assertThat(PostureScan.parseTags("[\"env\"]")).isNull();
        assertThat(PostureScan.parseTags("{\"env\":{\"nested\":\"x\"}}")).isNull();
        assertThat(PostureScan.parseTags("{\"env\":[\"prod\"]}")).isNull();
        assertThat(PostureScan.parseTags("{\"env\":\"prod\"")).as("cut short").isNull();
        assertThat(PostureScan.parseTags("{\"env\":\"prod\"} {}")).as("more after the object").isNull();
    }
}
