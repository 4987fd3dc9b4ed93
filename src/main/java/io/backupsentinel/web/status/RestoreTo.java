package io.backupsentinel.web.status;

import io.backupsentinel.model.PitrState;
import io.backupsentinel.model.TableFacts;
import io.javalin.http.Context;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The table page's {@code ?restore_to=} parameter: the instant a PITR restore should reach, ISO-8601 UTC. */
final class RestoreTo {
    private static final String NAME = "restore_to";

    private RestoreTo() {
    }

    /** The chosen instant; null when the parameter is absent or blank (restore to the latest restorable time). */
    static Instant read(Context ctx) {
        List<String> values = ctx.queryParams(NAME);
        if (values.size() > 1) {
            throw PageException.badRequest(NAME + ": give it once, not " + values.size() + " times");
        }
        String v = values.isEmpty() ? null : values.get(0);
        if (v == null || v.isBlank()) {
            return null;
        }
        String text = v.trim();
        if (text.length() > 40) {
            throw PageException.badRequest(NAME + ": at most 40 characters, e.g. 2026-12-02T17:00:00Z");
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw PageException.badRequest(NAME + ": '" + text + "' is not a UTC time like 2026-12-02T17:00:00Z");
        }
    }

    /**
     * Rejects {@code at} outside the table's PITR window, [earliest, latest restorable time] as last collected: a
     * command for another time than the one asked (the latest, when undoing a bad write) restores the wrong data.
     * Not judged when the window is unknown (PITR unread or off): the runbook's PITR step then offers no command.
     */
    static void checkWindow(Instant at, TableFacts facts) {
        if (at == null || facts == null || !facts.pitr().known() || !facts.pitr().value().enabled()
                || facts.pitr().value().latestRestorable() == null) {
            return;
        }
        PitrState p = facts.pitr().value();
        boolean before = p.earliestRestorable() != null && at.isBefore(p.earliestRestorable());
        if (!before && !at.isAfter(p.latestRestorable())) {
            return;
        }
        // Whole seconds inside the window, as a reader would type them: the earliest rounded up, the latest down.
        Instant earliest = p.earliestRestorable() == null ? null
                : p.earliestRestorable().plusNanos(999_999_999).truncatedTo(ChronoUnit.SECONDS);
        String window = earliest == null ? "up to " + Fmt.iso(p.latestRestorable())
                : "from " + Fmt.iso(earliest) + " to " + Fmt.iso(p.latestRestorable());
        throw PageException.badRequest(NAME + ": " + Fmt.iso(at) + " is " + (before ? "before" : "after")
                + " the PITR window, " + window + " (UTC, as last collected); choose a time in it, or leave it empty "
                + "for the latest restorable time");
    }
}
