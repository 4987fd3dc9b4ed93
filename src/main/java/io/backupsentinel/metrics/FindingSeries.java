package io.backupsentinel.metrics;

import io.backupsentinel.model.Finding;
import io.backupsentinel.model.FindingKey;
import io.backupsentinel.model.Status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * {@code backup_sentinel_finding} and {@code backup_sentinel_findings}, rendered once per rule update and
 * cached: a scrape copies ready bytes however large the fleet. Thread-safe; a rule's block is swapped in
 * one step, so a scrape sees either the old or the new verdicts of a rule, never a mix.
 */
final class FindingSeries {
    private static final Chunk FINDING_HEADER = Chunk.of(Meters.FINDING.header());
    private static final Chunk FINDINGS_HEADER = Chunk.of(Meters.FINDINGS.header());
    private static final Status[] STATUSES = Status.values();

    private record RuleBlock(Chunk perTable, Chunk counts) {
    }

    private final boolean perTable;
    private final Map<String, RuleBlock> rules = new ConcurrentSkipListMap<>();

    FindingSeries(boolean perTable) {
        this.perTable = perTable;
    }

    /** Replaces every series of {@code rule}; an empty list removes the rule. */
    void replace(String rule, List<Finding> findings) {
        if (findings.isEmpty()) {
            rules.remove(rule);
            return;
        }
        // One series per (rule, table): of two findings for the same key the later one is current.
        Map<FindingKey, Finding> current = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (!rule.equals(f.rule())) {
                throw new IllegalArgumentException("finding of rule '" + f.rule() + "' given as rule '" + rule + "'");
            }
            current.put(FindingKey.of(f), f);
        }
        rules.put(rule, new RuleBlock(perTable ? Chunk.of(perTable(current.values())) : Chunk.EMPTY,
                Chunk.of(counts(rule, current.values()))));
    }

    /** Removes the series of every rule that {@code keep} rejects. */
    void retain(java.util.function.Predicate<String> keep) {
        rules.keySet().removeIf(keep.negate());
    }

    /** The two families in exposition order, each one contiguous. */
    void appendTo(List<Chunk> out) {
        List<RuleBlock> blocks = new ArrayList<>(rules.values());
        if (perTable) {
            out.add(FINDING_HEADER);
            blocks.forEach(b -> out.add(b.perTable()));
        }
        out.add(FINDINGS_HEADER);
        blocks.forEach(b -> out.add(b.counts()));
    }

    private static byte[] perTable(Iterable<Finding> findings) {
        TextBuffer text = new TextBuffer(1 << 16);
        for (Finding f : findings) {
            text.text(TextBuffer.series(Meters.FINDING.name(), Meters.FINDING.labels(), f.rule(), f.check(),
                    f.severity().label(), f.account(), f.region(), f.table(), f.status().name())).text("1").newline();
        }
        return text.toByteArray();
    }

    private static byte[] counts(String rule, Iterable<Finding> findings) {
        // Every status of a (severity, account, region) group is written, zeros included, so that a query
        // such as findings{status="NON_COMPLIANT"} == 0 has a series to compare rather than none.
        Map<List<String>, int[]> groups = new TreeMap<>((a, b) -> String.join("\0", a).compareTo(String.join("\0", b)));
        for (Finding f : findings) {
            groups.computeIfAbsent(List.of(f.severity().label(), f.account(), f.region()),
                    k -> new int[STATUSES.length])[f.status().ordinal()]++;
        }
        TextBuffer text = new TextBuffer(256 * groups.size());
        groups.forEach((g, n) -> {
            for (Status s : STATUSES) {
                text.text(TextBuffer.series(Meters.FINDINGS.name(), Meters.FINDINGS.labels(), rule, g.get(0), g.get(1),
                        g.get(2), s.name())).number(n[s.ordinal()]).newline();
            }
        });
        return text.toByteArray();
    }
}
