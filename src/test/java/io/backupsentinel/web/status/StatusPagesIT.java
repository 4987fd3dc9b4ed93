package io.backupsentinel.web.status;

import io.backupsentinel.alert.AlertPolicy;
import io.backupsentinel.alert.PagerDutySettings;
import io.backupsentinel.aws.AwsCollector;
import io.backupsentinel.aws.AwsSettings;
import io.backupsentinel.check.CheckRegistry;
import io.backupsentinel.cli.CheckPlanCoverage;
import io.backupsentinel.check.RecoveryPoints;
import io.backupsentinel.check.RestoreTestCheck;
import io.backupsentinel.engine.FindingSinks;
import io.backupsentinel.engine.FleetView;
import io.backupsentinel.engine.HistorySink;
import io.backupsentinel.engine.Monitor;
import io.backupsentinel.inventory.BackupInventory;
import io.backupsentinel.inventory.CollectionRequest;
import io.backupsentinel.inventory.RegionSnapshot;
import io.backupsentinel.metrics.MetricsSettings;
import io.backupsentinel.metrics.RecoveryTimes;
import io.backupsentinel.metrics.SentinelMetrics;
import io.backupsentinel.model.AuditRun;
import io.backupsentinel.model.FactKind;
import io.backupsentinel.model.Finding;
import io.backupsentinel.model.OnDemandBackup;
import io.backupsentinel.model.OutboxEvent;
import io.backupsentinel.model.Severity;
import io.backupsentinel.model.Status;
import io.backupsentinel.model.TableFacts;
import io.backupsentinel.model.Target;
import io.backupsentinel.model.Transition;
import io.backupsentinel.rule.Rule;
import io.backupsentinel.rule.RuleLoader;
import io.backupsentinel.rule.RuleSet;
import io.backupsentinel.sandbox.Sandbox;
import io.backupsentinel.store.HistoryStore;
import io.backupsentinel.store.StoreSettings;
import io.backupsentinel.testing.CheckFactsBuilder;
import io.backupsentinel.testing.RawHttp;
import io.backupsentinel.web.AdminGuard;
import io.backupsentinel.web.Reloader;
import io.backupsentinel.web.WebServer;
import io.backupsentinel.web.WebSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The status page over real HTTP, fed by the real wiring: a monitor collecting the embedded sandbox's demo world,
 * the {@link FleetView} and the history as sinks, and the web server. One extra finding names a table
 * {@code <script>}, as a hostile tag or name would.
 */
class StatusPagesIT {
    private static final Target US = new Target("111111111111", "us-east-1");
    private static final Target AP = new Target("111111111111", "ap-southeast-2");
    private static final String THROTTLED = "ThrottlingException: Rate exceeded";
    private static final String EVIL = "<script>alert(1)</script>";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    private static Sandbox sandbox;
    private static AwsCollector collector;
    private static HistoryStore store;
    private static FleetView fleet;
    private static Monitor monitor;
    private static WebServer server;
    private static String base;
    private static final CountDownLatch hold = new CountDownLatch(1);
    private static volatile boolean holding;

    @BeforeAll
    static void start() {
        RuleSet rules = new RuleLoader(CheckRegistry.standard()).load(Path.of("rules")).ruleSet();
        sandbox = Sandbox.start((Path) null, 0);
        sandbox.gate().clear();
        sandbox.clock().freeze();
        AwsSettings aws = AwsSettings.defaults().withRegions(List.of(US.region()))
                .withEndpoint(URI.create(sandbox.endpoint()), Sandbox.ACCESS_KEY, Sandbox.SECRET_KEY);
        collector = new AwsCollector(aws, (s, o, r) -> { }, sandbox.clock());
        store = HistoryStore.open(StoreSettings.sqlite(dir));
        fleet = new FleetView(rules, sandbox.clock());
        HistorySink history = new HistorySink(store.history(), null, () -> { }, sandbox.clock());
        monitor = new Monitor(new HoldingInventory(collector), rules, sandbox.clock(), FindingSinks.of(fleet, history),
                r -> Duration.ofDays(30));
        monitor.collect(US, rules.rules().stream().map(Rule::name).toList());
        // A hostile name, as the sandbox's API would refuse to create it: fed to the sinks as the monitor would.
        Finding evil = new Finding(US.account(), US.region(), EVIL, "arn:aws:dynamodb:us-east-1:111111111111:table/x",
                "prod-pitr", "pitr", Severity.HIGH, Status.NON_COMPLIANT, "<b>off</b>", "enabled",
                "PITR is off <img src=x onerror=alert(2)>", sandbox.clock().instant());
        FindingSinks.of(fleet, history).evaluated("prod-pitr", US, List.of(evil), List.of(Transition.opened(evil)));
        // ap-southeast-2 as the demo has it: every DescribeContinuousBackups throttled, so PITR is unknown. ap-stale
        // also has an on-demand backup older than the RPO, which the unread PITR might beat.
        Instant now = sandbox.clock().instant();
        CheckFactsBuilder stale = CheckFactsBuilder.table(AP.account(), AP.region(), "ap-stale")
                .failed(FactKind.PITR, THROTTLED);
        stale.onDemand(new OnDemandBackup(stale.arn() + "/backup/01", "ap-stale-old", now.minus(Duration.ofDays(9)),
                "AVAILABLE", "USER", 1024L, null));
        List<TableFacts> ap = List.of(CheckFactsBuilder.table(AP.account(), AP.region(), "ap-orders")
                .failed(FactKind.PITR, THROTTLED).build(), stale.build());
        fleet.collected(new RegionSnapshot(AP, ap, null, java.util.Map.of()), rules, null, new AuditRun(now,
                Duration.ZERO, List.of(AP.toString()), List.of(), ap.size(), 0, java.util.Map.of(), java.util.Map.of()));
        SentinelMetrics metrics = new SentinelMetrics(MetricsSettings.defaults("test"),
                new RecoveryTimes(RecoveryPoints::newestInstants, RestoreTestCheck::lastValidatedRestore), sandbox.clock());
        server = new WebServer(new WebSettings("127.0.0.1", 0, URI.create("http://localhost/")), metrics,
                () -> new Reloader.Applied("none"), AdminGuard.loopbackOnly(),
                new StatusPages(fleet, store.queries(), new CheckPlanCoverage(), TableCharts.NONE), null).start();
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        hold.countDown();
        if (server != null) {
            server.close();
        }
        if (collector != null) {
            collector.close();
        }
        if (store != null) {
            store.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void the_summary_counts_findings_by_status_rule_and_account_region_and_links_into_the_filtered_findings()
            throws Exception {
        HttpResponse<String> r = get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertHtmlUtf8(r);
        String html = r.body();
        int total = fleet.snapshot().findings().size();
        assertThat(html).contains(total + " findings in all")
                .contains("href=\"/findings?status=NON_COMPLIANT\"")
                .contains("href=\"/findings?rule=prod-pitr\"")
                .contains("href=\"/findings?status=NON_COMPLIANT&amp;rule=prod-pitr\"")
                .contains("href=\"/findings?account=111111111111&amp;region=us-east-1\"")
                .contains("<th scope=\"col\">Rule</th>");
    }

    @Test
    void the_summary_lists_breached_tables_then_unknown_ones_then_the_soonest_deadlines() throws Exception {
        String html = get("/").body();
        String section = html.substring(html.indexOf("id=\"closest\""), html.indexOf("id=\"by-rule\""));
        var deadlines = fleet.snapshot().rpoDeadlines();
        assertThat(deadlines).isNotEmpty();
        var now = sandbox.clock().instant();
        List<String> shown = links(section, "/tables/");
        assertThat(shown).isNotEmpty().contains(Fmt.tableHref(AP.account(), AP.region(), "ap-orders"));
        // 0 breached, 1 unknown, 2 within: never falling back, and by deadline within each.
        int rank = 0;
        Instant last = null;
        for (String href : shown) {
            var d = deadlines.stream().filter(x -> Fmt.tableHref(x.table().account(), x.table().region(),
                    x.table().name()).equals(href)).findFirst().orElseThrow();
            int r = d.breached(now) ? 0 : d.unknown(now) ? 1 : 2;
            assertThat(r).as("rank of %s", href).isGreaterThanOrEqualTo(rank);
            if (r > rank) {
                last = null;
            }
            rank = r;
            assertThat(last == null || d.deadline() == null || !last.isAfter(d.deadline()))
                    .as("%s comes after a later deadline", href).isTrue();
            last = d.deadline() == null ? last : d.deadline();
        }
        for (int i = 1; i < deadlines.size(); i++) {
            var a = deadlines.get(i - 1).deadline();
            var b = deadlines.get(i).deadline();
            assertThat(a == null || b == null ? b != null || a == null : !a.isAfter(b))
                    .as("deadline %d is not before deadline %d", i, i - 1).isTrue();
        }
    }

    @Test
    void a_table_whose_pitr_could_not_be_read_is_unknown_on_the_summary_with_the_cause_not_without_a_point()
            throws Exception {
        String html = get("/").body();
        String section = html.substring(html.indexOf("id=\"closest\""), html.indexOf("id=\"by-rule\""));
        for (String table : List.of("ap-orders", "ap-stale")) {
            String row = row(section, Fmt.tableHref(AP.account(), AP.region(), table).replace("&", "&amp;"));
            assertThat(row).as(table).contains("unknown: PITR status unknown: " + THROTTLED)
                    .doesNotContain("no recovery point").doesNotContain("breached");
        }
    }

    @Test
    void a_recovery_source_that_could_not_be_read_is_unknown_against_the_rpo_never_over() throws Exception {
        String html = get(Fmt.tableHref(AP.account(), AP.region(), "ap-orders")).body();
        String sources = html.substring(html.indexOf("<section id=\"sources\""), html.indexOf("<section id=\"storage\""));
        assertThat(row(sources, ">pitr</th>")).contains("unknown: PITR status unknown: " + THROTTLED)
                .contains("<span class=\"verdict verdict-unknown\">unknown</span>").doesNotContain("verdict-over");
        assertThat(row(sources, ">effective</th>")).contains("unknown: some sources are unknown")
                .contains("<span class=\"verdict verdict-unknown\">unknown</span>").doesNotContain("verdict-over");
    }

    @Test
    void the_effective_point_over_the_rpo_is_unknown_while_a_source_that_might_be_younger_could_not_be_read()
            throws Exception {
        String html = get(Fmt.tableHref(AP.account(), AP.region(), "ap-stale")).body();
        String sources = html.substring(html.indexOf("<section id=\"sources\""), html.indexOf("<section id=\"storage\""));
        assertThat(row(sources, ">on_demand</th>")).contains("<span class=\"verdict verdict-over\">over</span>");
        assertThat(row(sources, ">effective</th>")).contains("<time datetime=")
                .contains("<span class=\"verdict verdict-unknown\">unknown</span>").doesNotContain("verdict-over");
    }

    @Test
    void a_running_collection_shows_on_the_summary_with_its_account_region_and_rules() throws Exception {
        holding = true;
        CompletableFuture<RegionSnapshot> running = CompletableFuture.supplyAsync(
                () -> monitor.collect(US, List.of("prod-rpo")));
        try {
            await().atMost(30, TimeUnit.SECONDS).until(() -> !fleet.collectionsInProgress().isEmpty());
            String html = get("/").body();
            String section = html.substring(html.indexOf("id=\"running\""), html.indexOf("id=\"closest\""));
            assertThat(section).contains("111111111111/us-east-1").contains("prod-rpo").contains("<time datetime=");
        } finally {
            holding = false;
            hold.countDown();
        }
        running.get(60, TimeUnit.SECONDS);
        assertThat(fleet.collectionsInProgress()).isEmpty();
        assertThat(get("/").body()).contains("No collection is running now.");
    }

    @Test
    void findings_are_filtered_on_the_server_and_pagination_links_keep_the_filter() throws Exception {
        long matching = fleet.snapshot().findings().stream()
                .filter(f -> f.account().equals(US.account()) && f.region().equals(US.region())).count();
        assertThat(matching).isGreaterThan(2);
        String html = get("/findings?account=111111111111&region=us-east-1&size=2&page=2").body();
        assertThat(html).contains("Findings 3–4 of " + matching + ".")
                .contains("href=\"/findings?account=111111111111&amp;region=us-east-1&amp;size=2\"")
                .contains("href=\"/findings?account=111111111111&amp;region=us-east-1&amp;page=3&amp;size=2\"")
                .contains("value=\"111111111111\"");
        assertThat(rows(html)).isEqualTo(2);
    }

    @Test
    void a_status_and_table_filter_shows_only_the_matching_findings() throws Exception {
        String html = get("/findings?status=non_compliant&table=carts").body();
        long expected = fleet.snapshot().findings().stream()
                .filter(f -> f.status() == Status.NON_COMPLIANT && f.table().contains("carts")).count();
        assertThat(rows(html)).isEqualTo((int) expected);
        assertThat(html).doesNotContain("badge-compliant\"").contains("<option value=\"NON_COMPLIANT\" selected>");
    }

    @Test
    void a_table_named_script_renders_as_text_on_every_page() throws Exception {
        String findings = get("/findings?table=" + enc("<script")).body();
        assertThat(findings).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(EVIL)
                .contains("&lt;b&gt;off&lt;/b&gt;").doesNotContain("<img src=x");
        String href = Fmt.tableHref(US.account(), US.region(), EVIL);
        assertThat(findings).contains("href=\"" + href.replace("&", "&amp;") + "\"");
        HttpResponse<String> page = get(href);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(EVIL)
                .doesNotContain("<img src=x");
        assertNoInlineCode(page.body());
    }

    @Test
    void a_table_page_shows_findings_recovery_sources_schedule_restore_tests_timeline_and_a_runbook_section()
            throws Exception {
        HttpResponse<String> r = get("/tables/111111111111/us-east-1/orders");
        assertThat(r.statusCode()).isEqualTo(200);
        String html = r.body();
        assertThat(html).contains("<section id=\"findings\"").contains("prod-pitr").contains("Observed")
                .contains("<section id=\"sources\"").contains(">pitr<").contains(">aws_backup<").contains(">effective<")
                .contains("RPO target:")
                .contains("<section id=\"schedule\"").contains("gold-plan").contains("cron(")
                .contains("<section id=\"restores\"")
                .contains("<section id=\"timeline\"").contains("(new)")
                .contains("<section id=\"posture\"")
                .contains("<section id=\"runbook\"")
                .contains("<section id=\"storage\"").contains(">on_demand<").contains(">total<")
                .contains("<time datetime=\"")
                // A time may break between its day and its clock, never inside either.
                .containsPattern("<time datetime=\"[0-9T:Z-]+\"><span>\\d{4}-\\d{2}-\\d{2}</span> <span>\\d{2}:\\d{2}:\\d{2} UTC</span></time>");
        assertNoInlineCode(html);
    }

    @Test
    void the_reports_page_offers_the_whole_history_so_far_in_each_format() throws Exception {
        HttpResponse<String> r = get("/reports");
        assertThat(r.statusCode()).isEqualTo(200);
        String html = r.body();
        assertThat(html).contains("<form id=\"report-form\"").contains("action=\"/reports/download\"")
                .contains("<label for=\"r-from\">").contains("value=\"pdf\"").contains("value=\"csv\"")
                .contains("value=\"json\"").contains("prod-pitr");
        assertThat(html).containsPattern("id=\"r-from\" name=\"from\" value=\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z\"");
        assertNoInlineCode(html);
    }

    @Test
    void the_report_form_sends_only_the_fields_filled_in_to_the_api() throws Exception {
        HttpResponse<String> r = get("/reports/download?from=2026-10-01&to=2026-10-02T00%3A00%3A00Z&format=pdf"
                + "&rule=&account=&region=eu-west-1&framework=&tag=env%3Dprod&other=x");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue(
                "/api/reports?from=2026-10-01&to=2026-10-02T00%3A00%3A00Z&format=pdf&region=eu-west-1&tag=env%3Dprod");
    }

    @Test
    void the_runbook_restores_a_pitr_table_to_the_chosen_time_with_copyable_commands() throws Exception {
        var pitr = fleet.snapshot().findings().stream().filter(f -> !f.table().equals(EVIL) && !f.table().equals("*"))
                .map(f -> fleet.table(f.account(), f.region(), f.table()).orElseThrow())
                .filter(t -> t.facts() != null && t.facts().pitr().known() && t.facts().pitr().value().enabled())
                .findFirst().orElseThrow().table();
        var state = fleet.table(pitr.account(), pitr.region(), pitr.name()).orElseThrow().facts().pitr().value();
        String page = Fmt.tableHref(pitr.account(), pitr.region(), pitr.name());
        String latest = get(page).body();
        String runbook = latest.substring(latest.indexOf("<section id=\"runbook\""));
        assertThat(runbook).contains("aws dynamodb restore-table-to-point-in-time")
                .contains("--use-latest-restorable-time").contains("<pre data-copy");
        var chosen = state.latestRestorable().minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String at = get(page + "?restore_to=" + enc(chosen.toString())).body();
        assertThat(at).contains("--restore-date-time " + chosen).contains("value=\"" + chosen + "\"");
        HttpResponse<String> bad = get(page + "?restore_to=yesterday");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("restore_to: 'yesterday' is not a UTC time");
    }

    @Test
    void a_restore_time_outside_the_pitr_window_is_refused_with_the_window_and_one_at_its_edges_is_not()
            throws Exception {
        String page = Fmt.tableHref(US.account(), US.region(), "orders");
        var state = fleet.table(US.account(), US.region(), "orders").orElseThrow().facts().pitr().value();
        var earliest = state.earliestRestorable().plusNanos(999_999_999).truncatedTo(ChronoUnit.SECONDS);
        var latest = state.latestRestorable().truncatedTo(ChronoUnit.SECONDS);
        String window = "from " + earliest + " to " + latest + " (UTC, as last collected)";

        HttpResponse<String> before = get(page + "?restore_to=" + enc(earliest.minusSeconds(1).toString()));
        assertThat(before.statusCode()).isEqualTo(400);
        assertThat(before.body()).contains(earliest.minusSeconds(1) + " is before the PITR window, " + window)
                .doesNotContain("--use-latest-restorable-time");
        HttpResponse<String> after = get(page + "?restore_to=" + enc(latest.plusSeconds(1).toString()));
        assertThat(after.statusCode()).isEqualTo(400);
        assertThat(after.body()).contains(latest.plusSeconds(1) + " is after the PITR window, " + window);
        for (var edge : List.of(earliest, latest)) {
            HttpResponse<String> ok = get(page + "?restore_to=" + enc(edge.toString()));
            assertThat(ok.statusCode()).as("%s", edge).isEqualTo(200);
            assertThat(ok.body()).contains("--restore-date-time " + edge)
                    .doesNotContain("outside the restorable window");
        }
    }

    @Test
    void a_long_restore_time_is_refused_without_echoing_more_than_256_characters_of_it() throws Exception {
        String input = "2026-12-02T17:00:00Z" + "9".repeat(300);
        HttpResponse<String> r = get(Fmt.tableHref(US.account(), US.region(), "orders") + "?restore_to=" + enc(input));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("restore_to: at most 40 characters").doesNotContain(input.substring(0, 257))
                .doesNotContain("9".repeat(257));
    }

    @Test
    void pages_carry_a_skip_link_labels_on_every_filter_input_and_only_external_assets() throws Exception {
        String html = get("/findings").body();
        assertThat(html).contains("<a class=\"skip\" href=\"#main\">").contains("<main id=\"main\"")
                .contains("<link rel=\"stylesheet\" href=\"/assets/sentinel.css\">")
                .contains("<script src=\"/assets/sentinel.js\" defer></script>");
        Matcher ids = Pattern.compile("<(?:input|select) id=\"([^\"]+)\"").matcher(html);
        int inputs = 0;
        while (ids.find()) {
            inputs++;
            assertThat(html).contains("<label for=\"" + ids.group(1) + "\">");
        }
        assertThat(inputs).isEqualTo(6);
        assertNoInlineCode(html);
        assertNoInlineCode(get("/").body());
    }

    @Test
    void assets_are_served_from_the_classpath_with_a_cache_lifetime() throws Exception {
        HttpResponse<String> css = get("/assets/sentinel.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Cache-Control")).hasValue(Assets.CACHE_CONTROL);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
        assertThat(css.body()).contains(":focus-visible").contains("overflow-x: auto");
        HttpResponse<String> js = get("/assets/sentinel.js");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.body()).contains("pre[data-copy]").contains("time[datetime]");
        assertThat(get("/assets/evil.js").statusCode()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "/findings?status=bogus|400|status: 'bogus' is not a status",
            "/findings?page=9999|400|page: 9999 is beyond the end",
            "/findings?page=0|400|page: 0 is not from 1",
            "/findings?size=abc|400|size: 'abc' is not a whole number",
            "/findings?size=501|400|size: 501 is not from 1 to 500",
            "/findings?page=99999999999999999999|400|page: '99999999999999999999' is not a whole number",
            "/findings?rule=no-such-rule|400|there is no rule named 'no-such-rule'",
            "/findings?status=COMPLIANT&status=UNKNOWN|400|status: give it once",
            "/tables/111111111111/us-east-1/no-such-table|404|no table 'no-such-table'",
            "/tables/999999999999/eu-west-9/orders|404|in account 999999999999, region eu-west-9",
            "/tables/111111111111/us-east-1/orders?restore_to=-999999999-01-01T00:00:00Z|400|"
                    + "restore_to: -999999999-01-01T00:00:00Z is before the PITR window, from ",
            "/tables/111111111111/us-east-1/orders?restore_to=1900-01-01T00:00:00Z|400|"
                    + "restore_to: 1900-01-01T00:00:00Z is before the PITR window, from ",
            "/tables/111111111111/us-east-1/orders?restore_to=2099-01-01T00:00:00Z|400|"
                    + "restore_to: 2099-01-01T00:00:00Z is after the PITR window, from ",
            "/tables/111111111111/us-east-1/orders?restore_to=2026-01-01T00:00:00Z&restore_to=2026-01-01T00:00:00Z|400|"
                    + "restore_to: give it once",
            "/tables/111111111111/us-east-1/orders?restore_to=2026-13-45|400|"
                    + "restore_to: '2026-13-45' is not a UTC time like 2026-12-02T17:00:00Z"})
    void bad_parameters_get_an_html_page_with_the_reason(String path, int status, String reason) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).isEqualTo(status);
        assertHtmlUtf8(r);
        assertThat(r.body()).contains("<p class=\"reason\" role=\"alert\">").contains(reason);
    }

    @ParameterizedTest(name = "HEAD {0}")
    @CsvSource({"/", "/findings?page=0", "/findings?status=bogus", "/tables/1/2/3", "/tables/111111111111/us-east-1/orders",
            "/reports", "/assets/sentinel.css", "/assets/evil.js"})
    void a_head_request_gets_the_status_and_headers_of_the_get_and_no_body(String path) throws Exception {
        HttpResponse<String> get = get(path);
        HttpResponse<String> head = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(get.statusCode());
        assertThat(head.headers().firstValue("Content-Type")).isEqualTo(get.headers().firstValue("Content-Type"));
        assertThat(head.headers().firstValue("Cache-Control")).isEqualTo(get.headers().firstValue("Cache-Control"));
        assertThat(head.body()).isEmpty();
    }

    @Test
    void a_malformed_percent_escape_is_refused_instead_of_showing_every_finding() throws Exception {
        RawHttp.Reply r = new RawHttp(URI.create("http://127.0.0.1:" + server.port()))
                .send("GET", "/findings?status=%zz", Map.of(), new byte[0]);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("status: the value has a malformed percent-escape");
        assertThat(get("/reports/download?from=2026-10-01&rule=%E0%A4").statusCode()).isEqualTo(400);
    }

    @Test
    void a_malicious_parameter_is_echoed_escaped_in_the_error_page() throws Exception {
        HttpResponse<String> r = get("/findings?status=" + enc("<img src=x onerror=alert(1)>"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img");
        HttpResponse<String> t = get(Fmt.tableHref(US.account(), US.region(), "<svg onload=alert(1)>"));
        assertThat(t.statusCode()).isEqualTo(404);
        assertThat(t.body()).contains("&lt;svg onload=alert(1)&gt;").doesNotContain("<svg");
    }

    @Test
    void a_long_table_name_or_asset_name_is_never_echoed_whole() throws Exception {
        String huge = "t".repeat(7000);
        HttpResponse<String> table = get("/tables/1/2/" + huge);
        HttpResponse<String> asset = get("/assets/" + huge);

        assertThat(table.statusCode()).isEqualTo(404);
        assertThat(table.body()).contains("a path part of 7000 characters").doesNotContain("t".repeat(257));
        assertThat(asset.statusCode()).isEqualTo(404);
        assertThat(asset.body()).contains("no asset with a name of 7000 characters").doesNotContain("t".repeat(257));
    }

    @Test
    void a_pagerduty_trigger_links_to_the_page_of_its_table() throws Exception {
        PagerDutySettings settings = new PagerDutySettings(true, PagerDutySettings.DEFAULT_EVENTS_URL,
                "0123456789abcdef0123456789abcdef", "it", Severity.LOW, Set.of("pitr"), URI.create(base + "/"),
                PagerDutySettings.DEFAULT_BLIND_AFTER, true);
        Finding breach = fleet.snapshot().findings().stream()
                .filter(f -> f.status() == Status.NON_COMPLIANT && f.check().equals("pitr") && !f.table().equals(EVIL))
                .findFirst().orElseThrow();
        List<OutboxEvent> events = new AlertPolicy(settings).decide(List.of(Transition.opened(breach)),
                sandbox.clock().instant());
        assertThat(events).isNotEmpty();
        String href = new com.fasterxml.jackson.databind.ObjectMapper().readTree(events.get(0).payload())
                .at("/links/0/href").asText();
        assertThat(href).startsWith(base + "/tables/");
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(href)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(breach.table()).contains("id=\"runbook\"");
    }

    private static void assertHtmlUtf8(HttpResponse<String> r) {
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t.replace(" ", "")).isEqualToIgnoringCase("text/html;charset=utf-8"));
    }

    private static void assertNoInlineCode(String html) {
        assertThat(html).as("no inline script (CSP script-src 'self')").doesNotContainPattern("<script(?![^>]*\\ssrc=)");
        assertThat(html).as("no <style> element").doesNotContain("<style");
        assertThat(html).as("no style attribute").doesNotContainPattern("\\sstyle=");
        assertThat(html).as("no event handler attribute").doesNotContainPattern("<[^>]*\\son[a-z]+=");
    }

    private static int rows(String html) {
        int tbody = html.indexOf("<table class=\"findings\">");
        if (tbody < 0) {
            return 0;
        }
        String table = html.substring(tbody, html.indexOf("</table>", tbody));
        return table.split("<tr>", -1).length - 2; // minus the text before the first row and the header row
    }

    /** The table row of {@code html} that contains {@code marker}. */
    private static String row(String html, String marker) {
        int at = html.indexOf(marker);
        assertThat(at).as("a row with %s", marker).isNotNegative();
        return html.substring(html.lastIndexOf("<tr", at), html.indexOf("</tr>", at));
    }

    private static List<String> links(String html, String prefix) {
        Matcher m = Pattern.compile("href=\"(" + Pattern.quote(prefix) + "[^\"]*)\"").matcher(html);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1).replace("&amp;", "&"));
        }
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The inventory, held in the middle of a collection while a test asks it to. */
    private static final class HoldingInventory implements BackupInventory {
        private final BackupInventory inner;

        HoldingInventory(BackupInventory inner) {
            this.inner = inner;
        }

        @Override
        public List<Target> targets() {
            return inner.targets();
        }

        @Override
        public RegionSnapshot collect(Target target, CollectionRequest request) {
            if (holding) {
                try {
                    hold.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return inner.collect(target, request);
        }
    }
}
