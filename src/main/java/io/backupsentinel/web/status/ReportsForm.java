package io.backupsentinel.web.status;

import io.backupsentinel.engine.FleetView;
import io.backupsentinel.engine.RuleInfo;
import io.backupsentinel.store.HistoryQueries;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * {@code GET /reports}: a form for a period report, filled in with the whole history so far; and
 * {@code GET /reports/download}, where the form is sent: it drops the fields left empty (an HTML form sends every
 * field, while the API reads an empty scope value as an error) and redirects to {@code GET /api/reports}, which
 * checks every parameter and answers a bad one with a 400 and its reason. The download works without JavaScript.
 */
final class ReportsForm {
    /** The parameters the API takes; scope ones may repeat. */
    private static final List<String> PARAMETERS = List.of("from", "to", "format", "account", "region", "rule",
            "framework", "tag");

    private final HistoryQueries history;
    private final FleetView fleet;
    private final Templates templates;

    ReportsForm(HistoryQueries history, FleetView fleet, Templates templates) {
        this.history = history;
        this.fleet = fleet;
        this.templates = templates;
    }

    void form(Context ctx) {
        Instant now = fleet.now();
        Instant first = null;
        String historyError = null;
        if (history == null) {
            historyError = "no history is kept by this server";
        } else {
            try {
                Optional<Instant> f = history.firstInstant();
                // Reports start on a whole second at or after the first record, so the default period is valid.
                first = f.map(i -> i.truncatedTo(ChronoUnit.SECONDS).equals(i) ? i
                        : i.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1)).orElse(null);
            } catch (RuntimeException e) {
                historyError = "the history could not be read: " + e.getMessage();
            }
        }
        templates.send(ctx, 200, "reports.jte", new ReportsPage(first, now.truncatedTo(ChronoUnit.SECONDS),
                fleet.rules().stream().map(RuleInfo::name).toList(), historyError, now));
    }

    void download(Context ctx) {
        StringJoiner query = new StringJoiner("&");
        for (String name : PARAMETERS) {
            for (String value : ctx.queryParams(name)) {
                if (!value.isBlank()) {
                    query.add(name + "=" + URLEncoder.encode(value.trim(), StandardCharsets.UTF_8));
                }
            }
        }
        ctx.redirect("/api/reports?" + query, HttpStatus.SEE_OTHER);
    }
}
