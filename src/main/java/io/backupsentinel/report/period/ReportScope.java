package io.backupsentinel.report.period;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which findings a period report covers. An empty list means "any"; several values of one list mean "any of
 * them"; every tag must match (the table's tags as the history last recorded them before the period's end,
 * see {@link io.backupsentinel.model.PostureChange.Aspect#TABLE_TAGS}). Lists are kept sorted so that two
 * requests naming the same scope in another order make the same bytes.
 */
public record ReportScope(List<String> accounts, List<String> regions, List<String> rules, List<String> frameworks,
                          SortedMap<String, String> tags) {
    public ReportScope {
        accounts = sorted(accounts);
        regions = sorted(regions);
        rules = sorted(rules);
        frameworks = sorted(frameworks);
        tags = tags == null ? new TreeMap<>() : new TreeMap<>(tags);
    }

    /** Everything the history holds. */
    public static ReportScope all() {
        return new ReportScope(List.of(), List.of(), List.of(), List.of(), new TreeMap<>());
    }

    public boolean matchesTarget(String account, String region) {
        return (accounts.isEmpty() || accounts.contains(account)) && (regions.isEmpty() || regions.contains(region));
    }

    /** Whether a rule is selected, by name or by one of its frameworks. */
    public boolean matchesRule(RuleInfo rule) {
        return (rules.isEmpty() || rules.contains(rule.name()))
                && (frameworks.isEmpty() || rule.frameworks().stream().anyMatch(frameworks::contains));
    }

    /** Whether a table's recorded tags (null: none recorded) satisfy every tag of the scope. */
    public boolean matchesTags(Map<String, String> tableTags) {
        if (tags.isEmpty()) {
            return true;
        }
        if (tableTags == null) {
            return false;
        }
        return tags.entrySet().stream().allMatch(e -> e.getValue().equals(tableTags.get(e.getKey())));
    }

    private static List<String> sorted(List<String> values) {
        return values == null ? List.of() : values.stream().distinct().sorted().toList();
    }
}
