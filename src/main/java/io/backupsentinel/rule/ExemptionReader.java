package io.backupsentinel.rule;

import io.backupsentinel.yaml.Nodes;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Layers 2–3 for one entry of {@code exemptions:}: the rule it names, the tables it covers, and the reason,
 * approver and expiry date that every exemption must carry. Errors are labelled with the rule it exempts.
 */
final class ExemptionReader {
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    static final List<String> KEYS = List.of("rule", "accounts", "regions", "tables", "reason", "approver", "expires");

    private ExemptionReader() {
    }

    static Drafts.ExemptionDraft read(Node node, Problems.InFile problems) {
        if (!(node instanceof MappingNode mapping)) {
            problems.at(node, null, "each entry of 'exemptions' must be a mapping, not " + Nodes.kind(node));
            return null;
        }
        String label = mapping.getValue().stream().filter(t -> Nodes.key(t).equals("rule")).findFirst()
                .flatMap(t -> Nodes.text(t.getValueNode())).orElse(null);
        int before = problems.count();
        Fields f = new Fields(mapping, KEYS, "an exemption", problems, label);
        Optional<String> rule = f.requiredText("rule", node, " (the name of the rule to exempt from)");
        ScopeReader globs = new ScopeReader(problems, label);
        List<Glob> accounts = globs.globs(f, "accounts", Glob.Kind.ACCOUNT);
        List<Glob> regions = globs.globs(f, "regions", Glob.Kind.REGION);
        if (!f.has("tables")) {
            problems.at(node, label, "'tables' is required (table-name globs; [\"*\"] for every table in scope)");
        }
        List<Glob> tables = globs.globs(f, "tables", Glob.Kind.TABLE);
        if (f.node("tables") instanceof SequenceNode list && list.getValue().isEmpty()) {
            problems.at(f.node("tables"), label, "'tables' must list at least one table-name glob");
        }
        Optional<String> reason = f.requiredText("reason", node, " (why the rule does not apply)");
        Optional<String> approver = f.requiredText("approver", node, " (who approved the exemption)");
        LocalDate expires = expires(f, node, problems, label);
        Exemption exemption = problems.count() != before ? null : new Exemption(rule.orElseThrow(), accounts,
                regions, tables, reason.orElseThrow(), approver.orElseThrow(), expires, Where.of(problems.file(), node));
        return rule.map(r -> new Drafts.ExemptionDraft(problems, r, f.node("rule"), exemption)).orElse(null);
    }

    private static LocalDate expires(Fields f, Node node, Problems.InFile problems, String label) {
        Optional<String> text = f.requiredText("expires", node, " (the date it stops applying, YYYY-MM-DD)");
        if (text.isEmpty()) {
            return null;
        }
        try {
            // Four-digit years only: LocalDate also reads "+999999999-12-31", which no approver means.
            if (!DATE.matcher(text.get()).matches()) {
                throw new DateTimeParseException("not YYYY-MM-DD", text.get(), 0);
            }
            return LocalDate.parse(text.get());
        } catch (DateTimeParseException e) {
            problems.at(f.node("expires"), label, "'expires: " + RuleReader.cut(text.get()) + "' is not a date:"
                    + " write YYYY-MM-DD, e.g. 2027-03-31");
            return null;
        }
    }
}
