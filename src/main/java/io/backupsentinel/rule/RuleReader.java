package io.backupsentinel.rule;

import io.backupsentinel.check.Check;
import io.backupsentinel.check.CheckRegistry;
import io.backupsentinel.model.Severity;
import io.backupsentinel.yaml.Nodes;
import io.backupsentinel.yaml.Suggest;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Layers 2–3 for one entry of {@code rules:}: its keys, their shapes, the check and its parameters. */
final class RuleReader {
    static final List<String> KEYS = List.of("name", "description", "check", "severity", "owner", "frameworks",
            "schedule", "scope", "params", "tiered", "allow_empty");
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    static final List<String> SEVERITIES = Arrays.stream(Severity.values()).map(Severity::label).toList();

    private final CheckRegistry registry;

    RuleReader(CheckRegistry registry) {
        this.registry = registry;
    }

    /** The rule as read, or null when the entry is not even a mapping. */
    Drafts.RuleDraft read(Node node, Problems.InFile problems) {
        if (!(node instanceof MappingNode mapping)) {
            problems.at(node, null, "each entry of 'rules' must be a mapping (a rule), not " + Nodes.kind(node));
            return null;
        }
        // The label names the rule in its errors; a name that is not text (a list, a mapping) labels nothing.
        String label = mapping.getValue().stream().filter(t -> Nodes.key(t).equals("name")).findFirst()
                .flatMap(t -> Nodes.text(t.getValueNode())).orElse(null);
        Fields f = new Fields(mapping, KEYS, "a rule", problems, label);
        String name = f.requiredText("name", node, " (a unique name such as prod-rpo)").orElse(null);
        if (name != null && !NAME.matcher(name).matches()) {
            problems.at(f.node("name"), label, "rule names use lower-case letters, digits and '-', starting with"
                    + " a letter or digit: '" + name + "' does not");
        }
        Check<?> check = check(f, node, problems, label);
        Severity severity = severity(f, node, problems, label);
        Drafts.RuleDraft draft = new Drafts.RuleDraft(problems, node, name, f.node("name"),
                f.text("description").orElse(""), check, f.node("check"), severity, f.text("owner").orElse(null),
                f.strings("frameworks"), ScheduleReader.read(f.node("schedule"), problems, label),
                new ScopeReader(problems, label).read(f.node("scope")), null, f.node("params"),
                flag(f, "tiered", true, problems, label), flag(f, "allow_empty", false, problems, label));
        if (check == null) {
            return draft;
        }
        ParamReader.Read params = new ParamReader(check.spec(), problems, label)
                .read(f.node("params"), f.node("check"), true, "");
        return params.valid() ? withParams(draft, params) : draft;
    }

    private static Drafts.RuleDraft withParams(Drafts.RuleDraft d, ParamReader.Read params) {
        return new Drafts.RuleDraft(d.problems(), d.node(), d.name(), d.nameNode(), d.description(), d.check(),
                d.checkNode(), d.severity(), d.owner(), d.frameworks(), d.schedule(), d.scope(), params.values(),
                d.paramsNode(), d.tiered(), d.allowEmpty());
    }

    /**
     * A true/false key: {@code tiered: false} keeps a rule's own params for every table, whatever its tier tag
     * says; {@code allow_empty: true} lets a rule reach no table without failing the audit.
     */
    private static boolean flag(Fields f, String key, boolean absent, Problems.InFile problems, String label) {
        Node n = f.node(key);
        if (n == null) {
            return absent;
        }
        Optional<String> text = Nodes.text(n);
        if (text.isPresent() && (text.get().equals("true") || text.get().equals("false"))) {
            return text.get().equals("true");
        }
        problems.at(n, label, key + " must be true or false, not " + text.map(t -> "'" + cut(t) + "'")
                .orElse(Nodes.kind(n)));
        return absent;
    }

    /** A value as an error may echo it: a long one is cut, so a mistake cannot flood the output. */
    static String cut(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "… (" + text.length() + " characters)";
    }

    private Check<?> check(Fields f, Node node, Problems.InFile problems, String label) {
        Optional<String> name = f.requiredText("check", node, " (checks: " + checkNames() + ")");
        if (name.isEmpty()) {
            return null;
        }
        Optional<Check<?>> check = registry.find(name.get());
        if (check.isEmpty()) {
            List<String> known = registry.all().stream().map(c -> c.spec().name()).toList();
            problems.at(f.node("check"), label, "unknown check '" + name.get() + "'"
                    + Suggest.didYouMean(name.get(), known) + " (checks: " + checkNames() + ")");
            return null;
        }
        return check.get();
    }

    private String checkNames() {
        List<String> known = registry.all().stream().map(c -> c.spec().name()).toList();
        return known.isEmpty() ? "none are registered" : String.join(", ", known);
    }

    private static Severity severity(Fields f, Node node, Problems.InFile problems, String label) {
        Optional<String> text = f.requiredText("severity", node, " (one of " + String.join(", ", SEVERITIES) + ")");
        if (text.isEmpty()) {
            return null;
        }
        if (!SEVERITIES.contains(text.get())) {
            problems.at(f.node("severity"), label, "severity '" + text.get() + "' is not one of "
                    + String.join(", ", SEVERITIES) + Suggest.didYouMean(text.get().toLowerCase(Locale.ROOT), SEVERITIES));
            return null;
        }
        return Severity.valueOf(text.get().toUpperCase(Locale.ROOT));
    }
}
