package io.backupsentinel.web.status;

import io.backupsentinel.cost.PriceTable;
import io.backupsentinel.cost.StorageEstimate;
import io.backupsentinel.engine.FleetSnapshot;
import io.backupsentinel.engine.FleetView;
import io.backupsentinel.engine.RuleInfo;
import io.backupsentinel.engine.TableDetail;
import io.backupsentinel.model.Fact;
import io.backupsentinel.model.Finding;
import io.backupsentinel.model.PostureChange;
import io.backupsentinel.model.TableDescription;
import io.backupsentinel.model.Transition;
import io.backupsentinel.store.HistoryQueries;
import io.backupsentinel.store.Stored;
import io.backupsentinel.web.ReadRoutes;
import io.backupsentinel.web.WebRole;
import io.backupsentinel.web.runbook.PlanCoverage;
import io.backupsentinel.web.runbook.Runbook;
import io.backupsentinel.web.runbook.RunbookOptions;
import io.backupsentinel.web.runbook.RunbookStep;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The status page: {@code GET /} (fleet summary), {@code GET /findings} (filtered, paginated findings),
 * {@code GET /tables/{account}/{region}/{table}} (one table, with its runbook) and {@code GET /assets/{name}}.
 * Reads only the {@link FleetView} and the history's queries. A bad request gets an HTML page with the reason.
 */
public final class StatusPages {
    private static final Logger LOG = LoggerFactory.getLogger(StatusPages.class);

    private final FleetView fleet;
    private final HistoryQueries history;
    private final PlanCoverage coverage;
    private final TableCharts charts;
    private final PriceTable prices;
    private final Templates templates = new Templates();
    private final Assets assets = new Assets();

    /**
     * @param history  null when there is no history to read (the timeline section says so)
     * @param coverage which plan selections cover a table, for the runbook's AWS Backup restore role (decided by
     *                 the checks, so passed in by {@code cli})
     * @param charts   the table page's charts
     */
    public StatusPages(FleetView fleet, HistoryQueries history, PlanCoverage coverage, TableCharts charts) {
        this(fleet, history, coverage, charts, PriceTable.AWS_LIST_PRICES);
    }

    /** @param prices the storage prices of each table's backup cost estimate ({@code cost:} in the config) */
    public StatusPages(FleetView fleet, HistoryQueries history, PlanCoverage coverage, TableCharts charts,
                       PriceTable prices) {
        this.prices = Objects.requireNonNull(prices, "prices");
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.history = history;
        this.coverage = Objects.requireNonNull(coverage, "coverage");
        this.charts = Objects.requireNonNull(charts, "charts");
    }

    /** Declares the routes, each with its role, and the HTML error page of these routes. */
    public void register(JavalinConfig config) {
        ReadRoutes.get(config.routes, "/", this::summary, WebRole.VIEWER);
        ReadRoutes.get(config.routes, "/findings", this::findings, WebRole.VIEWER);
        ReadRoutes.get(config.routes, "/tables/{account}/{region}/{table}", this::table, WebRole.VIEWER);
        ReportsForm reports = new ReportsForm(history, fleet, templates);
        ReadRoutes.get(config.routes, "/reports", reports::form, WebRole.VIEWER);
        ReadRoutes.get(config.routes, "/reports/download", reports::download, WebRole.VIEWER);
        ReadRoutes.get(config.routes, "/assets/{name}", assets, WebRole.PUBLIC);
        config.routes.exception(PageException.class, (e, ctx) -> templates.send(ctx, e.status(), "error.jte",
                new ErrorPage(e.status(), HttpStatus.forStatus(e.status()).getMessage(), e.getMessage())));
    }

    private void summary(Context ctx) {
        FleetSnapshot snap = fleet.snapshot();
        var deadlines = snap.rpoDeadlines();
        Instant now = fleet.now();
        templates.send(ctx, 200, "summary.jte", new SummaryPage(snap, SummaryPage.closest(deadlines, now),
                deadlines.size(), fleet.collectionsInProgress(), now));
    }

    private void findings(Context ctx) {
        List<String> rules = fleet.rules().stream().map(RuleInfo::name).toList();
        FleetSnapshot snap = fleet.snapshot();
        Set<String> known = new TreeSet<>(rules);
        known.addAll(snap.byRule().keySet()); // findings restored from the history may name a rule since removed
        FindingsQuery q = FindingsQuery.read(ctx, known);
        // One pass over the sorted snapshot: count every match, keep only the page's rows.
        long skip = (long) (q.page() - 1) * q.size();
        List<Finding> rows = new ArrayList<>(Math.min(q.size(), 64));
        int total = 0;
        for (Finding f : snap.findings()) {
            if (q.filter().matches(f)) {
                if (total >= skip && rows.size() < q.size()) {
                    rows.add(f);
                }
                total++;
            }
        }
        if (q.page() > 1 && skip >= total) {
            int pages = Math.max(1, (total + q.size() - 1) / q.size());
            throw PageException.badRequest("page: " + q.page() + " is beyond the end; " + total
                    + " finding(s) match, " + pages + " page(s) of " + q.size());
        }
        templates.send(ctx, 200, "findings.jte", new FindingsPage(q, rows, total, new ArrayList<>(known), fleet.now()));
    }

    private void table(Context ctx) {
        String account = ctx.pathParam("account");
        String region = ctx.pathParam("region");
        String name = ctx.pathParam("table");
        for (String part : List.of(account, region, name)) {
            if (part.length() > FindingsQuery.MAX_VALUE) {
                throw PageException.notFound("no table is known by a path part of " + part.length()
                        + " characters; account, region and table name are at most " + FindingsQuery.MAX_VALUE);
            }
        }
        TableDetail t = fleet.table(account, region, name).orElseThrow(() -> PageException.notFound(
                "no table '" + name + "' in account " + account + ", region " + region + " is known to Backup Sentinel"));
        Instant now = fleet.now();
        List<Stored<Transition>> timeline = List.of();
        List<Stored<PostureChange>> posture = List.of();
        String historyError = history == null ? "no history is kept by this server" : null;
        if (history != null) {
            try {
                timeline = history.latestTransitions(account, region, name, TablePage.HISTORY);
                posture = history.latestPostureChanges(account, region, name, TablePage.HISTORY);
            } catch (RuntimeException e) {
                // The page still shows the live state while the database is away.
                LOG.warn("the history of {}/{}/{} could not be read: {}", account, region, name, e.toString());
                historyError = "the history could not be read: " + e.getMessage();
            }
        }
        RunbookOptions options = RunbookOptions.defaults().withCoverage(coverage);
        Instant restoreTo = RestoreTo.read(ctx);
        RestoreTo.checkWindow(restoreTo, t.facts());
        if (restoreTo != null) {
            options = options.withRestoreTo(restoreTo);
        }
        Optional<TableDescription> description = Optional.ofNullable(t.facts()).map(f -> f.description())
                .filter(Fact::known).map(Fact::value);
        List<RunbookStep> runbook = Runbook.of(t.table(), t.facts(), description, now, options);
        StorageEstimate storage = t.facts() == null ? null : StorageEstimate.of(t.facts(), prices);
        templates.send(ctx, 200, "table.jte", new TablePage(t, timeline, posture, historyError, runbook, restoreTo,
                charts.charts(t, timeline, now), storage, now));
    }
}
