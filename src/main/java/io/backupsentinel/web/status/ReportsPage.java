package io.backupsentinel.web.status;

import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /reports} shows: the report form, its period preset to the whole history so far.
 *
 * @param first        the first instant a report may start at (the history's first record); null when none yet
 * @param until        the latest instant a report may end at (now, to the second)
 * @param historyError why the history could not be read; null when it was
 */
public record ReportsPage(Instant first, Instant until, List<String> rules, String historyError, Instant now) {
    public String fromValue() {
        return first == null ? "" : Fmt.iso(first);
    }

    public String toValue() {
        return Fmt.iso(until);
    }
}
