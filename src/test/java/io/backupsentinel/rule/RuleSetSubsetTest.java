package io.backupsentinel.rule;

import io.backupsentinel.model.TableRef;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RuleSetSubsetTest {
    private final RuleSet demo = Fixtures.load(Fixtures.VALID.resolve("demo"));
    private final TableRef scratch = TableRef.of("111111111111", "us-east-1", "scratch-7");

    @Test
    void a_subset_keeps_the_named_rules_in_file_order_with_their_exemptions() {
        RuleSet subset = demo.restrictedTo(List.of("prod-rpo", "prod-pitr"));

        assertThat(subset.rules()).extracting(Rule::name)
                .containsExactlyElementsOf(demo.rules().stream().map(Rule::name)
                        .filter(n -> n.equals("prod-rpo") || n.equals("prod-pitr")).toList());
        Rule rpo = subset.rule("prod-rpo").orElseThrow();
        assertThat(subset.exemptionFor(rpo, scratch, Instant.parse("2027-03-30T00:00:00Z"))).isPresent();
    }

    @Test
    void a_subset_drops_the_exemptions_of_rules_it_leaves_out() {
        RuleSet subset = demo.restrictedTo(List.of("prod-pitr"));

        assertThat(subset.rule("prod-rpo")).isEmpty();
        assertThat(subset.exemptions()).isNotEmpty().allSatisfy(e -> assertThat(e.rule()).isEqualTo("prod-pitr"));
    }
}
