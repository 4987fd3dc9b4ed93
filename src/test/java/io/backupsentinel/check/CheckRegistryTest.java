package io.backupsentinel.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.backupsentinel.model.Status;
import io.backupsentinel.testing.CheckFactsBuilder;
import io.backupsentinel.testing.SpecParams;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Meta-tests: every registered check carries what users, the rule loader and iam-policy need. */
class CheckRegistryTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final CheckRegistry registry = CheckRegistry.standard();

    @Test
    void the_standard_registry_has_the_nine_catalog_checks() {
        assertThat(registry.all()).extracting(c -> c.spec().name()).containsExactly("pitr", "rpo", "retention",
                "backup_plan", "copy", "vault", "export", "restore_test", "backup_jobs");
    }

    @Test
    void two_checks_with_one_name_are_refused() {
        assertThatThrownBy(() -> new CheckRegistry(List.of(new PitrCheck(), new PitrCheck())))
                .hasMessage("two checks are named pitr");
    }

    @TestFactory
    Stream<DynamicTest> every_check_is_fully_described() {
        return registry.all().stream().map(check -> DynamicTest.dynamicTest(check.spec().name(), () -> {
            CheckSpec spec = check.spec();
            assertThat(spec.name()).matches("[a-z_]+");
            assertThat(spec.description()).as("description").hasSizeGreaterThan(100).contains("COMPLIANT")
                    .contains("NON_COMPLIANT").contains("UNKNOWN");
            assertThat(spec.iamActions()).as("IAM actions").isNotEmpty()
                    .allSatisfy(a -> assertThat(a).matches("(dynamodb|backup|tag):[A-Z][A-Za-z]+"));
            assertThat(spec.facts()).as("facts read").isNotEmpty();
            assertThat(spec.params()).as("params").isNotEmpty().allSatisfy(p -> {
                assertThat(p.name()).matches("[a-z_]+");
                assertThat(p.description()).isNotBlank().endsWith(".");
                assertThat(p.required() && p.defaultValue() != null).as(p.name() + " required with a default").isFalse();
                if (p.type() == ParamType.ENUM || p.type() == ParamType.ENUM_LIST) {
                    assertThat(p.allowed()).as(p.name() + " allowed values").isNotEmpty();
                }
            });
        }));
    }

    @TestFactory
    Stream<DynamicTest> every_example_is_a_rule_item_that_names_its_check_with_valid_params() {
        return registry.all().stream().map(check -> DynamicTest.dynamicTest(check.spec().name(), () -> {
            JsonNode rules = YAML.readTree(check.spec().example());
            assertThat(rules.isArray()).as("example is a YAML list item").isTrue();
            JsonNode rule = rules.get(0);
            assertThat(rule.path("name").asText()).matches("[a-z0-9][a-z0-9-]*");
            assertThat(rule.path("description").asText()).isNotBlank();
            assertThat(rule.path("check").asText()).isEqualTo(check.spec().name());
            assertThat(rule.path("severity").asText()).isIn("critical", "high", "medium", "low", "info");
            List<Object> kv = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : rule.path("params").properties()) {
                assertThat(check.spec().params()).extracting(ParamSpec::name).as("declared params").contains(e.getKey());
                kv.add(e.getKey());
                kv.add(YAML.treeToValue(e.getValue(), Object.class));
            }
            assertThatCode(() -> SpecParams.bind(check, kv.toArray())).as("example params bind").doesNotThrowAnyException();
        }));
    }

    @TestFactory
    Stream<DynamicTest> a_fact_that_could_not_be_collected_never_makes_a_bare_table_compliant() {
        return registry.all().stream().flatMap(check -> check.spec().facts().stream().map(kind ->
                DynamicTest.dynamicTest(check.spec().name() + " without " + kind, () -> {
                    // A table with nothing else to go on: rpo may rightly be COMPLIANT when another source proves it.
                    CheckFactsBuilder f = CheckFactsBuilder.table("t");
                    Outcome o = evaluate(check, f.failed(kind, "CAUSE-" + kind).build());
                    assertThat(o.status()).as(o.toString()).isNotEqualTo(Status.COMPLIANT);
                    assertThat(o.observed()).isNotBlank();
                    assertThat(o.expected()).isNotBlank();
                    assertThat(o.message()).isNotBlank();
                })));
    }

    private static <P> Outcome evaluate(Check<P> check, io.backupsentinel.model.TableFacts facts) {
        List<Object> kv = new ArrayList<>();
        for (ParamSpec p : check.spec().params()) {
            if (p.required()) {
                kv.add(p.name());
                kv.add("1d");
            }
        }
        if (check instanceof RetentionCheck) {
            kv.add("min_count");
            kv.add(1);
        }
        return check.evaluate(facts, SpecParams.bind(check, kv.toArray()), CheckFactsBuilder.NOW);
    }

    @TestFactory
    Stream<DynamicTest> every_check_has_a_test_class() {
        return registry.all().stream().map(check -> DynamicTest.dynamicTest(check.spec().name(), () ->
                assertThatCode(() -> Class.forName(check.getClass().getName() + "Test"))
                        .as(check.getClass().getSimpleName() + "Test").doesNotThrowAnyException()));
    }

    @TestFactory
    Stream<DynamicTest> every_default_binds_and_required_params_are_declared_required() {
        return registry.all().stream().map(check -> DynamicTest.dynamicTest(check.spec().name(), () -> {
            List<Object> kv = new ArrayList<>();
            for (ParamSpec p : check.spec().params()) {
                if (p.required()) {
                    kv.add(p.name());
                    kv.add(p.type() == ParamType.DURATION ? "1d" : null);
                }
            }
            boolean needsOneOf = check instanceof RetentionCheck;
            if (needsOneOf) {
                kv.add("min_count");
                kv.add(1);
            }
            assertThatCode(() -> SpecParams.bind(check, kv.toArray())).doesNotThrowAnyException();
        }));
    }
}
