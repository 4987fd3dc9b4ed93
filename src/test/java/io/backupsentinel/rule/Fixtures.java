package io.backupsentinel.rule;

import io.backupsentinel.model.Fact;
import io.backupsentinel.model.TableFacts;
import io.backupsentinel.model.TableRef;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** Paths of the rule fixtures and minimal table facts for evaluating loaded rules. */
final class Fixtures {
    static final Path VALID = Path.of("src/test/resources/rules/valid");
    static final Path INVALID = Path.of("src/test/resources/rules/invalid");
    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    private Fixtures() {
    }

    static TableFacts facts(String table, Map<String, String> tags) {
        return new TableFacts(TableRef.of("111111111111", "us-east-1", table), tags, "ACTIVE", NOW,
                Fact.notCollected("PITR states"), Fact.notCollected("backups"), Fact.notCollected("recovery points"),
                Fact.notCollected("exports"), Fact.notCollected("plans"), Fact.notCollected("vaults"),
                Fact.notCollected("backup jobs"), Fact.notCollected("copy jobs"), Fact.notCollected("restore jobs"),
                NOW);
    }

    static RuleSet load(Path path) {
        LoadResult result = new RuleLoader(CatalogLikeChecks.registry()).load(path);
        if (!result.isValid()) {
            throw new AssertionError("expected a valid rule set, got:\n" + String.join("\n", result.errorLines()));
        }
        return result.ruleSet();
    }
}
