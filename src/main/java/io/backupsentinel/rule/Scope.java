package io.backupsentinel.rule;

import io.backupsentinel.model.TableRef;

import java.util.List;
import java.util.Map;

/**
 * Which tables a rule judges. Within a key the globs are OR-ed, the keys are AND-ed; an empty list or map
 * does not restrict. A table is out of scope when any {@code excludeTables} glob matches its name or any
 * {@code excludeTags} entry matches one of its tags.
 */
public record Scope(List<Glob> accounts, List<Glob> regions, List<Glob> tables, List<Glob> excludeTables,
                    Map<String, Glob> tags, Map<String, Glob> excludeTags) {

    /** Every table. */
    public static final Scope ALL = new Scope(List.of(), List.of(), List.of(), List.of(), Map.of(), Map.of());

    public Scope {
        accounts = List.copyOf(accounts);
        regions = List.copyOf(regions);
        tables = List.copyOf(tables);
        excludeTables = List.copyOf(excludeTables);
        tags = Map.copyOf(tags);
        excludeTags = Map.copyOf(excludeTags);
    }

    public boolean matches(TableRef table, Map<String, String> tableTags) {
        Map<String, String> t = tableTags == null ? Map.of() : tableTags;
        if (!anyOrEmpty(accounts, table.account()) || !anyOrEmpty(regions, table.region())
                || !anyOrEmpty(tables, table.name())) {
            return false;
        }
        // Loops, not streams: this runs for every rule on every table of the fleet.
        for (Glob g : excludeTables) {
            if (g.matches(table.name())) {
                return false;
            }
        }
        for (Map.Entry<String, Glob> e : tags.entrySet()) {
            if (!e.getValue().matches(t.get(e.getKey()))) {
                return false;
            }
        }
        for (Map.Entry<String, Glob> e : excludeTags.entrySet()) {
            if (e.getValue().matches(t.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Whether any table of this account-region can be in scope: the audit skips targets no rule reaches. */
    public boolean reaches(io.backupsentinel.model.Target target) {
        return anyOrEmpty(accounts, target.account()) && anyOrEmpty(regions, target.region());
    }

    static boolean anyOrEmpty(List<Glob> globs, String value) {
        if (globs.isEmpty()) {
            return true;
        }
        for (Glob g : globs) {
            if (g.matches(value)) {
                return true;
            }
        }
        return false;
    }
}
