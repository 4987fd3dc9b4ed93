package io.backupsentinel;

import io.backupsentinel.cli.Main;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's sample output is an excerpt of a real {@code audit --sandbox --format text} run, never kept by
 * hand: the demo scenario is deterministic (a frozen sandbox clock, a region that throttles every call), so
 * the excerpt is exactly what a user sees. When this fails, regenerate it:
 * {@code mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test && java -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" io.backupsentinel.ReadmeSampleIT}.
 */
class ReadmeSampleIT {
    private static final Path README = Path.of("README.md");
    private static final String REGENERATE = "mvn -q test-compile dependency:build-classpath"
            + " -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test && java -cp"
            + " \"target/classes:target/test-classes:$(cat target/test-classpath.txt)\" io.backupsentinel.ReadmeSampleIT";
    private static final Pattern SECTION =
            Pattern.compile("(<!-- BEGIN SAMPLE OUTPUT -->\n)(.*?)(<!-- END SAMPLE OUTPUT -->)", Pattern.DOTALL);
    /** The findings shown, as "TABLE RULE": one of each status and the messages worth reading. */
    private static final List<String> SHOWN = List.of("orders prod-rpo", "orders prod-restore-test",
            "sessions prod-pitr", "events analytics-export", "profiles prod-restore-test", "ap-orders prod-pitr",
            "scratch nonprod-rpo");

    @Test
    void the_readme_sample_is_an_excerpt_of_a_fresh_demo_audit() throws IOException {
        Matcher m = SECTION.matcher(Files.readString(README));
        assertThat(m.find()).as("README.md has <!-- BEGIN SAMPLE OUTPUT --> … <!-- END SAMPLE OUTPUT -->").isTrue();
        assertThat(m.group(2))
                .as("README's sample differs from a fresh run; regenerate it with: " + REGENERATE)
                .isEqualTo(section());
    }

    @Test
    void two_runs_of_the_demo_audit_print_the_same_report() throws IOException {
        assertThat(audit()).isEqualTo(audit());
    }

    /** The section's text: a line saying what it is, and the excerpt. */
    static String section() throws IOException {
        return "`audit --sandbox --format text`, an excerpt (every run prints exactly this: the sandbox's clock"
                + " stands still\nduring the audit, hence `in 0s`; findings that are not compliant also print what"
                + " was expected and what to do):\n\n```\n" + String.join("\n", excerpt(audit())) + "\n```\n";
    }

    /** The header, the chosen findings with their continuation lines, and the summary after the blank line. */
    static List<String> excerpt(List<String> report) {
        List<String> out = new ArrayList<>(List.of(report.get(0)));
        for (String wanted : SHOWN) {
            int start = -1;
            for (int i = 1; i < report.size() && start < 0; i++) {
                String[] cols = report.get(i).trim().split("\\s+");
                if (cols.length > 4 && (cols[3] + " " + cols[4]).equals(wanted)) {
                    start = i;
                }
            }
            if (start < 0) {
                throw new IllegalStateException("the demo audit has no finding " + wanted);
            }
            out.add(report.get(start));
            for (int i = start + 1; i < report.size() && report.get(i).startsWith(" "); i++) {
                out.add(report.get(i));
            }
        }
        out.add("");
        out.addAll(report.subList(report.indexOf("") + 1, report.size()));
        return out;
    }

    static List<String> audit() throws IOException {
        Path out = Files.createTempFile("readme-sample", ".txt");
        try {
            int exit = Main.commandLine().execute("audit", "--sandbox", "--format", "text", "--output", out.toString());
            if (exit != 2) {
                throw new IllegalStateException("the demo audit exits 2 (UNKNOWN findings), got " + exit);
            }
            return Files.readAllLines(out).stream().map(String::stripTrailing).toList();
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Rewrites README.md's sample from a fresh run. */
    public static void main(String[] args) throws IOException {
        String readme = Files.readString(README);
        Matcher m = SECTION.matcher(readme);
        if (!m.find()) {
            throw new IllegalStateException("README.md has no <!-- BEGIN SAMPLE OUTPUT --> section");
        }
        Files.writeString(README, readme.substring(0, m.end(1)) + section() + readme.substring(m.start(3)));
        System.exit(0);
    }
}
