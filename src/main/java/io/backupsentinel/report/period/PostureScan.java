package io.backupsentinel.report.period;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.backupsentinel.model.FindingKey;
import io.backupsentinel.model.PostureChange;
import io.backupsentinel.model.TableRef;
import io.backupsentinel.store.HistoryQueries;
import io.backupsentinel.store.Stored;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a report reads of the posture changes: each table's backup storage, and its tags when the scope selects
 * tables by tag, as last recorded before the period's end, and the change log of the period. Tag records with no
 * "before" (a daemon first seeing a table) and daily storage records are state, not changes, so they stay out of
 * the log. The history reads each through its index by aspect: a fleet's daily storage records are never read one
 * by one. The scan narrows by account and region only; which tables the two sections list is decided from the
 * judged pairs ({@link #log}, {@link #storage}), since a rule or framework scope is a property of pairs, not of
 * posture records.
 */
final class PostureScan {
    /** The aspect the storage collector records daily (see {@link StorageEntry}). */
    static final String STORAGE = PostureChange.Aspect.BACKUP_STORAGE.name();
    /** The aspects of the change log: all but the daily storage records. */
    private static final Set<PostureChange.Aspect> LOGGED = EnumSet.complementOf(EnumSet.of(PostureChange.Aspect.BACKUP_STORAGE));
    private static final List<String> SOURCES = List.of("pitr", "on_demand", "aws_backup", "export");
    private static final JsonFactory JSON = new JsonFactory();

    private final Map<String, Map<String, String>> tags = new HashMap<>();
    private final Map<String, Stored<PostureChange>> storage = new HashMap<>();
    private final List<Stored<PostureChange>> log = new ArrayList<>();

    static PostureScan of(HistoryQueries q, Instant from, Instant to, ReportScope scope) {
        PostureScan scan = new PostureScan();
        // Tags only select tables; a scope that names none selects them all, and a report quotes no tags.
        List<Stored<PostureChange>> recorded = scope.tags().isEmpty() ? List.of()
                : q.latestPostureBefore(to, PostureChange.Aspect.TABLE_TAGS);
        for (Stored<PostureChange> s : recorded) {
            TableRef t = s.record().table();
            if (scope.matchesTarget(t.account(), t.region())) {
                scan.tags.put(TableKeys.of(t), parseTags(s.record().after()));
            }
        }
        for (Stored<PostureChange> s : q.latestPostureBefore(to, PostureChange.Aspect.BACKUP_STORAGE)) {
            TableRef t = s.record().table();
            if (scope.matchesTarget(t.account(), t.region())) {
                scan.storage.put(TableKeys.of(t), s);
            }
        }
        q.forEachPostureChange(from, to, LOGGED, s -> {
            PostureChange c = s.record();
            boolean firstSight = c.aspect() == PostureChange.Aspect.TABLE_TAGS && c.before() == null;
            if (!firstSight && scope.matchesTarget(c.table().account(), c.table().region())) {
                scan.log.add(s);
            }
        });
        return scan;
    }

    /** The table's tags as last recorded before the period's end; null when never recorded or not read (no tag scope). */
    Map<String, String> tags(String account, String region, String table) {
        return tags.get(TableKeys.of(account, region, table));
    }

    /** Whether the table of {@code k} satisfies the scope's tags (always, when the scope names none). */
    boolean matchesTags(ReportScope scope, FindingKey k) {
        return matchesTags(scope, k.account(), k.region(), k.table());
    }

    boolean matchesTags(ReportScope scope, String account, String region, String table) {
        return scope.tags().isEmpty() || scope.matchesTags(tags(account, region, table));
    }

    /** The change log of the tables in scope, by {@link TableKeys#of} key: those the cover counts. */
    List<PostureEntry> log(Set<String> tables) {
        List<PostureEntry> out = new ArrayList<>();
        for (Stored<PostureChange> s : log) {
            TableRef t = s.record().table();
            if (tables.contains(TableKeys.of(t))) {
                PostureChange c = s.record();
                out.add(new PostureEntry(c.at(), t.account(), t.region(), t.name(), c.aspect().name(), c.before(),
                        c.after(), new Citation(s.seq(), s.hash())));
            }
        }
        return out;
    }

    /** The latest storage of each table in scope, by {@link TableKeys#of} key: those the cover counts. */
    List<StorageEntry> storage(Set<String> tables) {
        List<StorageEntry> out = new ArrayList<>();
        for (Map.Entry<String, Stored<PostureChange>> e : storage.entrySet()) {
            Stored<PostureChange> s = e.getValue();
            TableRef t = s.record().table();
            Optional<Long[]> bytes = storageBytes(s.record().after());
            if (bytes.isPresent() && tables.contains(e.getKey())) {
                Long[] b = bytes.get();
                out.add(new StorageEntry(t.account(), t.region(), t.name(), s.record().at(), b[0], b[1], b[2], b[3],
                        new Citation(s.seq(), s.hash())));
            }
        }
        out.sort(TableKeys.STORAGE_ORDER);
        return out;
    }

    /**
     * pitr, on-demand, AWS Backup and export bytes from {@code "pitr=… on_demand=… aws_backup=… export=…"}, null
     * for a source left out (its size was unknown); empty when the text holds no known source, or anything else.
     * Read by hand, not by a regular expression: a report reads one per table.
     */
    static Optional<Long[]> storageBytes(String after) {
        if (after == null || after.isBlank()) {
            return Optional.empty();
        }
        Long[] out = new Long[SOURCES.size()];
        for (String token : after.trim().split(" +")) {
            int eq = token.indexOf('=');
            int source = eq < 0 ? -1 : SOURCES.indexOf(token.substring(0, eq));
            String digits = token.substring(eq + 1);
            if (source < 0 || !isDigits(digits)) {
                return Optional.empty();
            }
            out[source] = Long.parseLong(digits);
        }
        return Optional.of(out);
    }

    /** One to eighteen ASCII digits: a count of bytes that fits a long. */
    private static boolean isDigits(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Canonical tag JSON (an object of strings, keys sorted); a value that is not such an object counts as no tags
     * recorded. Read with the streaming parser: a report reads one per table.
     */
    static Map<String, String> parseTags(String json) {
        if (json == null) {
            return null;
        }
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Map<String, String> tags = new TreeMap<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                String key = p.currentName();
                JsonToken value = p.nextToken();
                if (t != JsonToken.FIELD_NAME || value == null || !value.isScalarValue()) {
                    return null;
                }
                tags.put(key, value == JsonToken.VALUE_NULL ? null : p.getText());
            }
            return p.nextToken() == null ? tags : null;
        } catch (IOException e) {
            return null;
        }
    }
}
