package io.backupsentinel.rule;

import io.backupsentinel.check.Check;
import io.backupsentinel.check.CheckRegistry;
import io.backupsentinel.check.CheckSpec;
import io.backupsentinel.check.ParamSpec;
import io.backupsentinel.model.Durations;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The README's rule reference, generated from the check registry: per check its description, a table of its
 * parameters (name, type, required or optional, default, description), the IAM actions it needs and a YAML
 * example. Generated so that the documentation cannot drift from what the loader accepts.
 */
public final class RuleReference {
    private RuleReference() {
    }

    public static String markdown(CheckRegistry registry) {
        StringBuilder out = new StringBuilder("## Rule reference\n\n")
                .append("<!-- Generated from the check registry by io.backupsentinel.rule.RuleReference;"
                        + " do not edit by hand. -->\n\n")
                .append("Durations are written `90s`, `15m`, `1h`, `35d`, `2w` (or combined, `1h30m`) and are at most ")
                .append(Durations.MAX_TEXT).append(": a longer one, in a parameter, a `schedule: {every: …}` or a tier")
                .append(" level, is an error that `validate` reports with its position. Checks: ")
                .append(registry.all().stream().map(c -> "`" + c.spec().name() + "`").collect(Collectors.joining(", ")))
                .append(".\n\n")
                .append("Every audit reports how many tables each rule reached (the text summary's `tables per rule`,")
                .append(" the JSON's `rules`). A rule that reaches no table makes `audit` exit 2 and is named, because")
                .append(" a scope that matches nothing (a typo in a tag) must never read as compliance; a rule that may")
                .append(" legitimately match nothing says `allow_empty: true`. Loading no rule at all is an error for")
                .append(" `validate`, `audit` and `run`.\n");
        for (Check<?> check : registry.all()) {
            section(out, check.spec());
        }
        return out.toString();
    }

    private static void section(StringBuilder out, CheckSpec spec) {
        out.append("\n### `").append(spec.name()).append("`\n\n").append(spec.description().trim()).append("\n\n");
        if (spec.params().isEmpty()) {
            out.append("No parameters.\n\n");
        } else {
            out.append("| parameter | type | required | default | description |\n|---|---|---|---|---|\n");
            for (ParamSpec p : spec.params()) {
                out.append("| `").append(p.name()).append("` | ").append(type(p)).append(" | ")
                        .append(p.required() ? "required" : "optional").append(" | ")
                        .append(defaultOf(p)).append(" | ").append(cell(p.description())).append(" |\n");
            }
            out.append('\n');
        }
        out.append("IAM actions: ").append(spec.iamActions().isEmpty() ? "none beyond the base ones"
                : spec.iamActions().stream().sorted().map(a -> "`" + a + "`").collect(Collectors.joining(", ")))
                .append("\n\n```yaml\n").append(spec.example().stripTrailing()).append("\n```\n");
    }

    private static String type(ParamSpec p) {
        String bounds = p.min() != null && p.max() != null ? " (" + p.min() + ".." + p.max() + ")"
                : p.min() != null ? " (≥ " + p.min() + ")" : p.max() != null ? " (≤ " + p.max() + ")" : "";
        return switch (p.type()) {
            case DURATION -> "duration";
            case INTEGER -> "integer" + bounds;
            case BOOLEAN -> "boolean";
            case STRING -> "string";
            case ENUM -> "one of " + codes(p.allowed());
            case STRING_LIST -> "list of strings";
            case ENUM_LIST -> "list of " + codes(p.allowed());
        };
    }

    private static String defaultOf(ParamSpec p) {
        Object d = p.defaultValue();
        if (d == null) {
            return "—";
        }
        if (d instanceof Duration duration) {
            return "`" + Durations.format(duration) + "`";
        }
        if (d instanceof List<?> list) {
            return "`[" + list.stream().map(String::valueOf).collect(Collectors.joining(", ")) + "]`";
        }
        return "`" + d + "`";
    }

    private static String codes(List<String> values) {
        return values.stream().map(v -> "`" + v + "`").collect(Collectors.joining(", "));
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
