package io.backupsentinel.rule;

import io.backupsentinel.model.TableRef;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ScopeTest {
    private final Scope prod = Fixtures.load(Fixtures.VALID.resolve("demo")).rule("prod-rpo").orElseThrow().scope();
    private final Map<String, String> prodTags = Map.of("env", "prod", "backup-tier", "gold");

    @Test
    void a_table_meeting_every_key_is_in_scope() {
        assertThat(prod.matches(TableRef.of("111111111111", "us-east-1", "orders"), prodTags)).isTrue();
    }

    @Test
    void another_account_or_region_is_out_of_scope() {
        assertThat(prod.matches(TableRef.of("222222222222", "us-east-1", "orders"), prodTags)).isFalse();
        assertThat(prod.matches(TableRef.of("111111111111", "eu-west-1", "orders"), prodTags)).isFalse();
    }

    @Test
    void excluded_table_globs_win_over_included_ones() {
        assertThat(prod.matches(TableRef.of("111111111111", "us-east-1", "tmp-orders"), prodTags)).isFalse();
    }

    @Test
    void a_required_tag_must_be_present_and_match() {
        TableRef orders = TableRef.of("111111111111", "us-east-1", "orders");
        assertThat(prod.matches(orders, Map.of("env", "staging"))).isFalse();
        assertThat(prod.matches(orders, Map.of())).isFalse();
        assertThat(prod.matches(orders, null)).isFalse();
    }

    @Test
    void an_excluding_tag_takes_the_table_out() {
        Map<String, String> tags = Map.of("env", "prod", "backup", "none");
        assertThat(prod.matches(TableRef.of("111111111111", "us-east-1", "orders"), tags)).isFalse();
    }

    @Test
    void tag_values_are_globs_and_an_empty_scope_matches_everything() {
        Scope dev = Fixtures.load(Fixtures.VALID.resolve("demo")).rule("dev-retention").orElseThrow().scope();
        TableRef t = TableRef.of("222222222222", "eu-west-1", "anything");
        assertThat(dev.matches(t, Map.of("env", "dev-eu"))).isTrue();
        assertThat(dev.matches(t, Map.of("env", "prod"))).isFalse();
        assertThat(Scope.ALL.matches(t, Map.of())).isTrue();
    }

    @Test
    void globs_match_star_and_question_mark_and_nothing_else() {
        assertThat(new Glob("ord?rs-*").matches("orders-2026")).isTrue();
        assertThat(new Glob("ord?rs-*").matches("ordrs-2026")).isFalse();
        assertThat(new Glob("a.b").matches("aXb")).isFalse();
        assertThat(new Glob("Orders").matches("orders")).isFalse();
        assertThat(List.of("x", "")).allSatisfy(v -> assertThat(new Glob("*").matches(v)).isTrue());
    }
}
