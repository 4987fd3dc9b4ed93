package io.backupsentinel.web.status;

import io.javalin.http.Context;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The table page's {@code ?restore_to=} parameter: the instant a PITR restore should reach, ISO-8601 UTC. */
final class RestoreTo {
    private RestoreTo() {
    }

    /** The chosen instant; null when the parameter is absent or blank (restore to the latest restorable time). */
    static Instant read(Context ctx) {
        String v = ctx.queryParam("restore_to");
        if (v == null || v.isBlank()) {
            return null;
        }
        String text = v.trim();
        if (text.length() > 40) {
            throw PageException.badRequest("restore_to: at most 40 characters, e.g. 2026-12-02T17:00:00Z");
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw PageException.badRequest("restore_to: '" + text + "' is not a UTC time like 2026-12-02T17:00:00Z");
        }
    }
}
