package io.backupsentinel.rule;

import io.backupsentinel.check.CheckRegistry;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The example rules shipped in rules/ (and bundled into the jar for the demo) are valid. */
class ShippedRulesTest {
    @Test
    void the_example_rules_in_the_repository_are_valid() {
        LoadResult result = new RuleLoader(CheckRegistry.standard()).load(Path.of("rules"));
        assertThat(result.errorLines()).isEmpty();
        assertThat(result.ruleSet().rules()).extracting(Rule::checkName)
                .as("the examples use every check").containsAll(CheckRegistry.standard().all().stream()
                        .map(c -> c.spec().name()).toList());
        assertThat(result.ruleSet().tiers()).isPresent();
        assertThat(result.ruleSet().exemptions()).isNotEmpty();
    }
}
