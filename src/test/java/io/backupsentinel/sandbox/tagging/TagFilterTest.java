package io.backupsentinel.sandbox.tagging;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TagFilterTest {
    private static final Map<String, String> TAGS = Map.of("env", "prod", "backup-tier", "gold");

    @Test
    void a_filter_without_values_matches_any_value_of_its_key() {
        assertThat(new TagFilter("env", List.of()).matches(TAGS)).isTrue();
        assertThat(new TagFilter("owner", List.of()).matches(TAGS)).isFalse();
    }

    @Test
    void the_values_of_one_filter_are_alternatives() {
        assertThat(new TagFilter("backup-tier", List.of("silver", "gold")).matches(TAGS)).isTrue();
        assertThat(new TagFilter("backup-tier", List.of("silver", "bronze")).matches(TAGS)).isFalse();
    }

    @Test
    void values_compare_case_sensitively_as_aws_tags_do() {
        assertThat(new TagFilter("env", List.of("PROD")).matches(TAGS)).isFalse();
    }
}
