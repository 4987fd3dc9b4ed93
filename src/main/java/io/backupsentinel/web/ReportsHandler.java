package io.backupsentinel.web;

import io.backupsentinel.report.period.PeriodReport;
import io.backupsentinel.report.period.PeriodReports;
import io.backupsentinel.report.period.ReportException;
import io.backupsentinel.report.period.ReportFiles;
import io.backupsentinel.report.period.ReportFormat;
import io.backupsentinel.report.period.ReportParams;
import io.backupsentinel.report.period.ReportRequest;
import io.backupsentinel.report.period.ReportScope;
import io.backupsentinel.report.period.RuleInfo;
import io.backupsentinel.store.HistoryQueries;
import io.backupsentinel.store.StoreException;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.ServiceUnavailableResponse;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@code GET /api/reports?from=&to=&format=json|csv|pdf&account=&region=&rule=&framework=&tag=KEY=VALUE}: a period
 * report as a download, the same bytes {@code backup-sentinel report} writes from the same history. Scope
 * parameters may repeat. Every bad parameter is a 400 with the reason; the report is built before the first
 * byte is sent (so an error is never half a file) and then streamed. A {@code HEAD} is checked as the {@code GET}
 * is and gets its headers, but the report is not built for it.
 */
public final class ReportsHandler implements Handler {
    private final HistoryQueries queries;
    private final Supplier<List<RuleInfo>> rules;
    private final Clock clock;
    private final String version;

    /**
     * @param rules   the rules in force now (they follow reloads)
     * @param clock   decides only whether a period has ended
     * @param version the product version printed on the cover
     */
    public ReportsHandler(HistoryQueries queries, Supplier<List<RuleInfo>> rules, Clock clock, String version) {
        this.queries = Objects.requireNonNull(queries, "queries");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.version = Objects.requireNonNull(version, "version");
    }

    @Override
    public void handle(Context ctx) throws IOException {
        String formatName = single(ctx, "format") == null ? "json" : single(ctx, "format");
        ReportFormat format = ReportFormat.named(formatName).orElseThrow(() -> new BadRequestResponse(
                "unknown format; use format=json, format=csv or format=pdf"));
        boolean head = ctx.method() == HandlerType.HEAD;
        ReportRequest request;
        PeriodReport report = null;
        try {
            Instant from = ReportParams.instant("from", single(ctx, "from"));
            Instant to = ReportParams.instant("to", single(ctx, "to"));
            ReportScope scope = new ReportScope(ReportParams.values("account", ctx.queryParams("account")),
                    ReportParams.values("region", ctx.queryParams("region")),
                    ReportParams.values("rule", ctx.queryParams("rule")),
                    ReportParams.values("framework", ctx.queryParams("framework")),
                    ReportParams.tags(ctx.queryParams("tag")));
            request = new ReportRequest(from, to, scope, rules.get(), version);
            // A HEAD gets every answer a GET would (each refusal is made before the build) without the build.
            if (head) {
                PeriodReports.checkPeriod(queries, from, to, clock.instant());
            } else {
                report = PeriodReports.build(queries, request, clock.instant());
            }
        } catch (ReportException e) {
            throw new BadRequestResponse(e.getMessage());
        } catch (StoreException e) {
            throw new ServiceUnavailableResponse("the history cannot be read now: " + e.getMessage());
        }
        ctx.contentType(format.mediaType());
        ctx.header("Content-Disposition", "attachment; filename=\""
                + ReportFiles.name(request.from(), request.to(), format.extension()) + "\"");
        ctx.header("Cache-Control", "no-store");
        if (!head) {
            format.write(report, ctx.outputStream());
        }
    }

    /** A parameter that takes one value: absent is null, given twice is a 400 rather than the first one silently. */
    private static String single(Context ctx, String name) {
        List<String> values = ctx.queryParams(name);
        if (values.size() > 1) {
            throw new BadRequestResponse(name + ": give it once, not " + values.size() + " times");
        }
        return values.isEmpty() ? null : values.get(0);
    }
}
