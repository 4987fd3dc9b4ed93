package io.backupsentinel;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quartz.CronExpression;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package table of {@code ARCHITECTURE.md}, enforced on the main code: what each package may import, and
 * which package alone may use Quartz's scheduler, Javalin, the AWS SDK and JDBC. When a rule here fails, either
 * the code crossed a boundary or the table needs a better rule: change one of them, never both silently.
 */
class ArchitectureTest {
    private static final String ROOT = "io.backupsentinel";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    /**
     * Per package, the project packages it may import besides itself and its subpackages. {@code cli} is the
     * wiring and may import everything, so it is not listed; a package missing here fails
     * {@link #every_package_has_a_row_in_the_table()}.
     */
    private static final Map<String, List<String>> MAY_IMPORT = table();

    /**
     * What {@code config} may take from the packages it configures: their settings records, and what those
     * throw for a bad value (so a config error can name the file, line and column).
     */
    private static final Set<String> SETTINGS = Set.of(ROOT + ".aws.AwsSettings", ROOT + ".aws.CloudWatchSettings",
            ROOT + ".alert.PagerDutySettings",
            ROOT + ".alert.RoutingKey", ROOT + ".store.StoreSettings", ROOT + ".store.StoreException",
            ROOT + ".web.WebSettings", ROOT + ".web.auth.AuthSettings", ROOT + ".metrics.MetricsSettings");

    private static Map<String, List<String>> table() {
        Map<String, List<String>> t = new LinkedHashMap<>();
        t.put("web", List.of("engine", "report", "store", "metrics", "cost", "model"));
        t.put("schedule", List.of("engine", "rule", "model"));
        t.put("engine", List.of("rule", "check", "inventory", "store", "metrics", "alert", "cost", "model"));
        t.put("config", List.of("yaml", "cost", "model"));
        t.put("rule", List.of("check", "yaml", "model"));
        t.put("check", List.of("model"));
        t.put("inventory", List.of("model"));
        t.put("aws", List.of("inventory", "model"));
        t.put("sandbox", List.of("yaml", "model"));
        t.put("store", List.of("model"));
        t.put("metrics", List.of("model"));
        t.put("alert", List.of("model"));
        t.put("report", List.of("store", "cost", "model"));
        t.put("cost", List.of("model"));
        t.put("yaml", List.of("model"));
        t.put("model", List.of());
        return t;
    }

    static Set<String> packages() {
        return MAY_IMPORT.keySet();
    }

    @ParameterizedTest(name = "{0} imports only what the package table allows")
    @MethodSource("packages")
    void each_package_imports_only_what_the_package_table_allows(String pkg) {
        String[] allowed = MAY_IMPORT.get(pkg).stream().map(p -> ROOT + "." + p + "..").toArray(String[]::new);
        DescribedPredicate<JavaClass> ok = resideOutsideOfPackage(ROOT + "..")
                .or(resideInAPackage(ROOT + "." + pkg + ".."))
                .or(resideInAnyPackage(allowed));
        if (pkg.equals("config")) {
            ok = ok.or(settingsClass());
        }
        classes().that().resideInAPackage(ROOT + "." + pkg + "..").should().onlyDependOnClassesThat(ok)
                .check(MAIN);
    }

    @Test
    void every_package_has_a_row_in_the_table() {
        Set<String> top = MAIN.stream().map(c -> c.getPackageName())
                .map(p -> p.equals(ROOT) ? "(root)" : p.substring(ROOT.length() + 1).split("\\.")[0])
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(top).as("top-level packages of the main code").isNotEmpty()
                .allSatisfy(p -> assertThat(p.equals("cli") || MAY_IMPORT.containsKey(p))
                        .as("package %s has a row in ARCHITECTURE.md's table and here", p).isTrue());
    }

    @Test
    void model_depends_on_nothing_but_the_jdk() {
        classes().that().resideInAPackage(ROOT + ".model..").should()
                .onlyDependOnClassesThat(resideInAnyPackage("java..", ROOT + ".model..")).check(MAIN);
    }

    @Test
    void only_schedule_runs_a_quartz_scheduler() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".schedule..").should().dependOnClassesThat(
                resideInAPackage("org.quartz..").and(DescribedPredicate.not(equivalentTo(CronExpression.class))))
                .check(MAIN);
    }

    @Test
    void quartz_cron_expressions_are_parsed_only_where_a_cron_is_read_or_scheduled() {
        // rule and check read a rule's cron exactly as the scheduler will; the sandbox previews AWS Backup plans.
        noClasses().that().resideOutsideOfPackages(ROOT + ".schedule..", ROOT + ".rule..", ROOT + ".check..",
                ROOT + ".sandbox.backup..").should().dependOnClassesThat(equivalentTo(CronExpression.class))
                .check(MAIN);
    }

    @Test
    void only_web_imports_javalin() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".web..").should().dependOnClassesThat()
                .resideInAPackage("io.javalin..").check(MAIN);
    }

    @Test
    void only_aws_imports_the_aws_sdk() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".aws..").should().dependOnClassesThat()
                .resideInAPackage("software.amazon.awssdk..").check(MAIN);
    }

    @Test
    void only_store_uses_jdbc_and_its_drivers() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".store..").should().dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "javax.sql..", "org.sqlite..", "org.postgresql..",
                        "com.zaxxer.hikari..", "org.flywaydb..").check(MAIN);
    }

    @Test
    void only_cli_ends_the_process() {
        // A daemon part that exits takes the store, the outbox and every other part down unflushed.
        noClasses().that().resideOutsideOfPackage(ROOT + ".cli..").should()
                .callMethod(System.class, "exit", int.class)
                .orShould().callMethod(Runtime.class, "exit", int.class)
                .orShould().callMethod(Runtime.class, "halt", int.class).check(MAIN);
    }

    @Test
    void only_cli_prints_to_standard_output() {
        // Standard output carries the audit's report (JSON, CSV) for pipes; everything else logs.
        noClasses().that().resideOutsideOfPackage(ROOT + ".cli..").should()
                .accessField(System.class, "out").check(MAIN);
    }

    private static DescribedPredicate<JavaClass> settingsClass() {
        return DescribedPredicate.describe("a settings record of a configured package " + new TreeSet<>(SETTINGS),
                c -> SETTINGS.contains(c.getName()) || SETTINGS.stream().anyMatch(s -> c.getName().startsWith(s + "$")));
    }
}
