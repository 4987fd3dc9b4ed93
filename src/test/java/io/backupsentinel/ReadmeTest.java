package io.backupsentinel;

import io.backupsentinel.check.CheckRegistry;
import io.backupsentinel.rule.IamPolicy;
import io.backupsentinel.rule.RuleLoader;
import io.backupsentinel.rule.RuleReference;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's rule reference and IAM policy are generated from the check registry and the shipped rules,
 * never kept by hand. When this fails, regenerate them:
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.backupsentinel.ReadmeTest}.
 */
public class ReadmeTest {
    private static final Path README = Path.of("README.md");

    static Map<String, String> generatedSections() {
        String policy = IamPolicy.forRules(new RuleLoader(CheckRegistry.standard()).load(Path.of("rules")).ruleSet());
        return Map.of(
                "RULE REFERENCE", RuleReference.markdown(CheckRegistry.standard()).strip(),
                "IAM POLICY", "```json\n" + policy.strip() + "\n```");
    }

    @Test
    void the_readme_carries_the_generated_rule_reference_and_iam_policy() throws IOException {
        String readme = Files.readString(README);
        generatedSections().forEach((name, body) -> assertThat(section(readme, name)).as(name).isEqualTo(body));
    }

    @Test
    void the_readme_opens_with_the_demo_and_the_test_command() throws IOException {
        String opening = Files.readString(README).lines().limit(6).reduce("", (a, b) -> a + b + "\n");
        assertThat(opening).contains("java -jar target/backup-sentinel.jar demo").contains("mvn -B verify");
    }

    private static String section(String readme, String name) {
        Matcher m = marker(name).matcher(readme);
        assertThat(m.find()).as("README has the section " + name).isTrue();
        return m.group(2).strip();
    }

    private static Pattern marker(String name) {
        return Pattern.compile("(<!-- BEGIN " + name + " -->)(.*?)(<!-- END " + name + " -->)", Pattern.DOTALL);
    }

    /** Rewrites the generated sections of README.md in place. */
    public static void main(String[] args) throws IOException {
        String readme = Files.readString(README);
        for (Map.Entry<String, String> e : generatedSections().entrySet()) {
            Matcher m = marker(e.getKey()).matcher(readme);
            if (!m.find()) {
                throw new IllegalStateException("README.md has no section " + e.getKey());
            }
            readme = readme.substring(0, m.end(1)) + "\n" + e.getValue() + "\n" + readme.substring(m.start(3));
        }
        Files.writeString(README, readme);
    }
}
