package io.backupsentinel.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Malformed rule files for every rule key (wrong kinds, empty and missing values), schedules, scopes, tiers,
 * exemptions and YAML itself (syntax, aliases, nesting). Each has one fault; positions are 1-based.
 */
final class StructureFaults {
    private static final String RULE = ParamFaults.rule("pitr");

    private StructureFaults() {
    }

    static List<RuleFault> all() {
        List<RuleFault> out = new ArrayList<>();
        ruleKeys(out);
        schedules(out);
        scopes(out);
        tiers(out);
        exemptions(out);
        yaml(out);
        return out;
    }

    /** The rule line {@code KEY: VALUE} on line 5, after a valid name, check and severity. */
    private static void key(List<RuleFault> out, String key, String value, int offset, String fragment) {
        out.add(RuleFault.file("rule " + key + " = " + value, RULE + "    " + key + ": " + value + "\n", 5,
                5 + key.length() + 2 + offset, fragment));
    }

    /** A rule whose line {@code line} (name 2, check 3, severity 4) is replaced. */
    private static void replaced(List<RuleFault> out, String key, int lineNo, String value, int line, int column,
                                 String fragment) {
        String[] lines = RULE.split("\n");
        lines[lineNo - 1] = (lineNo == 2 ? "  - " : "    ") + key + ": " + value;
        out.add(RuleFault.file("rule " + key + " = " + value, String.join("\n", lines) + "\n", line, column, fragment));
    }

    private static void ruleKeys(List<RuleFault> out) {
        for (String[] f : new String[][] {{"[a, b]", "'name' must be text, not a list"},
                {"{a: b}", "'name' must be text, not a mapping"}, {"\"\"", "must not be blank"},
                {"Bad Name", "rule names use lower-case"}, {"-x", "rule names use lower-case"},
                {"!!binary aGVsbG8=", "rule names use lower-case"}}) {
            replaced(out, "name", 2, f[0], 2, 11, f[1]);
        }
        replaced(out, "name", 2, "~", 2, 5, "'name' is required");
        for (String[] f : new String[][] {{"[pitr]", "not a list"}, {"{a: b}", "not a mapping"},
                {"\"\"", "must not be blank"}, {"rop", "unknown check 'rop'"}, {"PITR", "unknown check 'PITR'"}}) {
            replaced(out, "check", 3, f[0], 3, 12, f[1]);
        }
        replaced(out, "check", 3, "~", 2, 5, "'check' is required");
        for (String[] f : new String[][] {{"[high]", "not a list"}, {"{a: b}", "not a mapping"},
                {"\"\"", "must not be blank"}, {"severe", "is not one of"}, {"HIGH", "is not one of"},
                {"5", "is not one of"}}) {
            replaced(out, "severity", 4, f[0], 4, 15, f[1]);
        }
        replaced(out, "severity", 4, "~", 2, 5, "'severity' is required");
        for (String key : List.of("description", "owner")) {
            key(out, key, "[a]", 0, "'" + key + "' must be text, not a list");
            key(out, key, "{a: b}", 0, "'" + key + "' must be text, not a mapping");
        }
        key(out, "frameworks", "abc", 0, "'frameworks' must be a list");
        key(out, "frameworks", "{a: b}", 0, "'frameworks' must be a list");
        key(out, "frameworks", "[[a]]", 1, "items must be text, not a list");
        key(out, "frameworks", "[{a: b}]", 1, "items must be text, not a mapping");
        key(out, "frameworks", "[~]", 1, "items must be text, not empty");
        for (String key : List.of("tiered", "allow_empty")) {
            for (String v : List.of("maybe", "[true]", "{a: b}", "1", "yes", "\"\"", "TRUE")) {
                key(out, key, v, 0, key + " must be true or false");
            }
        }
        key(out, "params", "[a]", 0, "'params' must be a mapping");
        key(out, "params", "5m", 0, "'params' must be a mapping");
        key(out, "params", "{nope: 1}", 1, "has no parameter 'nope'");
        out.add(RuleFault.file("rule unknown key scheduel", RULE + "    scheduel: {every: 5m}\n", 5, 5,
                "did you mean 'schedule'?"));
        out.add(RuleFault.file("rule unknown key allow_emtpy", RULE + "    allow_emtpy: true\n", 5, 5,
                "did you mean 'allow_empty'?"));
        out.add(RuleFault.file("rule key that is a list", RULE + "    ? [a]\n    : b\n", 5, 7,
                "unknown key '<a list>'"));
    }

    private static void schedules(List<RuleFault> out) {
        Object[][] faults = {
                {"5m", 0, "'schedule' must be a mapping"}, {"[5m]", 0, "'schedule' must be a mapping"},
                {"{every: 99999999999999d}", 8, "at most 100 years"},
                {"{every: 3000000000000000w}", 8, "at most 100 years"},
                {"{every: 12345678901234567890m}", 8, "at most 100 years"},
                {"{every: 36526d}", 8, "at most 100 years"}, {"{every: 30s}", 8, "too often"},
                {"{every: \"\"}", 8, "a duration is required"}, {"{every: [5m]}", 8, "'every' must be text"},
                {"{every: 1h 30m}", 8, "is not a duration"}, {"{every: ~}", 0, "a schedule needs 'every'"},
                {"{cron: \"* * * * *\"}", 7, "6 or 7 fields"}, {"{cron: bogus}", 7, "not a valid Quartz cron"},
                {"{cron: [a]}", 7, "'cron' must be text"}, {"{cron: \"0 0 * * * * * *\"}", 7, "not a valid Quartz cron"},
                {"{every: 5m, cron: \"0 * * * * ?\"}", 0, "not both"}, {"{}", 0, "a schedule needs 'every'"},
                {"{every: 5m, every: 6m}", 12, "duplicate key 'every'"}};
        for (Object[] f : faults) {
            key(out, "schedule", (String) f[0], (Integer) f[1], (String) f[2]);
        }
    }

    private static void scopes(List<RuleFault> out) {
        Object[][] faults = {
                {"[a]", 0, "'scope' must be a mapping"}, {"prod", 0, "'scope' must be a mapping"},
                {"{tags: [a]}", 7, "'tags' must be a mapping"}, {"{tags: {env: [a]}}", 13, "must map to a text value"},
                {"{tables: orders}", 9, "'tables' must be a list"}, {"{tables: [[a]]}", 10, "items must be text"},
                {"{tables: [\"orders{1,2}\"]}", 10, "is not a table-name glob"},
                {"{regions: [\"US EAST\"]}", 11, "'regions'"}, {"{accounts: [\"12x\"]}", 12, "'accounts'"},
                {"{tagz: {env: prod}}", 1, "did you mean 'tags'?"},
                {"{exclude_tags: prod}", 15, "'exclude_tags' must be a mapping"}};
        for (Object[] f : faults) {
            key(out, "scope", (String) f[0], (Integer) f[1], (String) f[2]);
        }
    }

    private static void tiers(List<RuleFault> out) {
        String[][] faults = {
                {"tiers: [a]\n", "1", "8", "'tiers' must be a mapping"},
                {"tiers: {tag: [a], levels: {gold: {}}}\n", "1", "14", "'tag' must be text"},
                {"tiers: {levels: {gold: {}}}\n", "1", "8", "'tag' is required"},
                {"tiers: {tag: t}\n", "1", "8", "'levels' is required"},
                {"tiers: {tag: t, levels: [a]}\n", "1", "25", "'levels' must be a mapping"},
                {"tiers: {tag: t, levels: {gold: [a]}}\n", "1", "32", "tier gold must be a mapping"},
                {"tiers: {tag: t, levels: {gold: {rop: {}}}}\n", "1", "33", "unknown check 'rop'"},
                {"tiers: {tag: t, levels: {gold: {rpo: {max_agee: 1h}}}}\n", "1", "39", "has no parameter 'max_agee'"},
                {"tiers: {tag: t, levels: {[a]: {}}}\n", "1", "26", "tier level names must be text"},
        };
        for (String[] f : faults) {
            out.add(RuleFault.file("tiers " + f[0].strip(), f[0] + RULE, Integer.parseInt(f[1]),
                    Integer.parseInt(f[2]), f[3]));
        }
        // A misspelt key is two faults to the reader: the unknown key, and the required one it stands for.
        out.add(RuleFault.file("tiers misspelt levels", "tiers: {tag: t, lvls: {}}\n" + RULE, 1, 8,
                "'levels' is required").errors(2));
    }

    private static void exemptions(List<RuleFault> out) {
        String[] lines = {"  - rule: corpus-rule", "    tables: [scratch]", "    reason: Rebuilt from source.",
                "    approver: jane@example.com", "    expires: 2027-03-31"};
        Object[][] faults = {
                {4, "expires", "2027-02-30", 10, 14, "is not a date"}, {4, "expires", "31/03/2027", 10, 14, "is not a date"},
                {4, "expires", "99999-01-01", 10, 14, "is not a date"},
                {4, "expires", "\"+999999999-12-31\"", 10, 14, "is not a date"},
                {4, "expires", "2027-1-1", 10, 14, "is not a date"},
                {4, "expires", "[2027-01-01]", 10, 14, "'expires' must be text"},
                {4, "expires", "{a: b}", 10, 14, "'expires' must be text"},
                {4, "expires", "\"\"", 10, 14, "must not be blank"}, {4, "expires", "~", 6, 5, "'expires' is required"},
                {0, "rule", "[a]", 6, 11, "'rule' must be text"}, {0, "rule", "nope", 6, 11, "names no existing rule"},
                {0, "rule", "\"\"", 6, 11, "must not be blank"},
                {1, "tables", "[]", 7, 13, "at least one"}, {1, "tables", "orders", 7, 13, "'tables' must be a list"},
                {1, "tables", "[[a]]", 7, 14, "items must be text"},
                {2, "reason", "\"\"", 8, 13, "must not be blank"}, {2, "reason", "[a]", 8, 13, "'reason' must be text"},
                {3, "approver", "\"\"", 9, 15, "must not be blank"},
                {3, "approver", "{a: b}", 9, 15, "'approver' must be text"}};
        for (Object[] f : faults) {
            String[] copy = lines.clone();
            int i = (Integer) f[0];
            copy[i] = (i == 0 ? "  - " : "    ") + f[1] + ": " + f[2];
            out.add(RuleFault.file("exemption " + f[1] + " = " + f[2], RULE + "exemptions:\n"
                    + String.join("\n", copy) + "\n", (Integer) f[3], (Integer) f[4], (String) f[5]));
        }
        out.add(RuleFault.file("exemptions not a list", RULE + "exemptions: {a: b}\n", 5, 13,
                "'exemptions' must be a list"));
        out.add(RuleFault.file("exemption not a mapping", RULE + "exemptions:\n  - 5\n", 6, 5,
                "each entry of 'exemptions' must be a mapping"));
    }

    private static void yaml(List<RuleFault> out) {
        out.add(RuleFault.file("yaml unclosed flow list", "rules: [\n", 2, 1, "invalid YAML"));
        out.add(RuleFault.file("yaml tab indentation", "rules:\n  - name: a\n\tcheck: pitr\n", 3, 1, "invalid YAML"));
        out.add(RuleFault.file("yaml unterminated quote", "rules:\n  - name: \"corpus\n", 3, 1, "invalid YAML"));
        out.add(RuleFault.file("yaml undefined alias", "rules: *nowhere\n", 1, 8, "invalid YAML"));
        out.add(RuleFault.file("yaml two documents", RULE + "---\n" + RULE, 5, 1, "invalid YAML"));
        out.add(RuleFault.file("yaml control character", "rules: \u0001\n", 0, 0, "invalid YAML"));
        out.add(RuleFault.file("yaml duplicate key", RULE + "    severity: low\n", 5, 5, "duplicate key 'severity'"));
        out.add(RuleFault.file("yaml top-level list", "- a\n", 1, 1, "a rule file is a mapping"));
        out.add(RuleFault.file("yaml top-level text", "hello\n", 1, 1, "a rule file is a mapping"));
        out.add(RuleFault.file("yaml rules is a number", "rules: 5\n", 1, 8, "'rules' must be a list"));
        out.add(RuleFault.file("yaml rules is a mapping", "rules: {name: a}\n", 1, 8, "'rules' must be a list"));
        out.add(RuleFault.file("yaml rule is text", "rules: [a]\n", 1, 9, "must be a mapping (a rule)"));
        out.add(RuleFault.file("yaml unknown top key", "rule: []\n" + RULE, 1, 1, "did you mean 'rules'?"));
        out.add(RuleFault.file("yaml deep nesting", "rules: " + "[".repeat(500) + "]".repeat(500) + "\n", 0, 0,
                "invalid YAML"));
        out.add(RuleFault.file("yaml self-referencing alias", RULE + "    frameworks: &f [a, *f]\n", 5, 17,
                "YAML cycles are not allowed"));
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (i - 1)))).append("]\n");
        }
        out.add(RuleFault.file("yaml alias bomb", bomb + RULE, 0, 0, "invalid YAML"));
        out.add(RuleFault.file("yaml aliased rule twice", "rules:\n  - &r {name: a, check: pitr, severity: high}\n"
                + "  - *r\n", 2, 15, "names must be unique").errors(2));
    }
}
