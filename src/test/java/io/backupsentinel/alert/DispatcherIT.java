package io.backupsentinel.alert;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.backupsentinel.model.OutboxEvent;
import io.backupsentinel.model.Status;
import io.backupsentinel.model.Transition;
import io.backupsentinel.testing.PagerDutyReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.backupsentinel.alert.Findings.KEY;
import static io.backupsentinel.alert.Findings.rpo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The dispatcher against {@link PagerDutyReceiver} over real HTTP, with the outbox in memory. */
class DispatcherIT {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Dispatcher.Options FAST = new Dispatcher.Options(100, Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(5),
            new Backoff(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(5)), 5, Duration.ofSeconds(2));

    private final PagerDutyReceiver pagerDuty = PagerDutyReceiver.start();
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final List<Dispatcher> dispatchers = new ArrayList<>();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private PagerDutySettings settings;

    @BeforeEach
    void setUp() {
        settings = PagerDutySettings.defaults().enabledWith(KEY).withEventsUrl(pagerDuty.eventsUrl());
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        dispatchers.forEach(Dispatcher::close);
        pagerDuty.close();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    private Dispatcher dispatcher(PagerDutySettings s, Dispatcher.Options options) {
        Dispatcher d = new Dispatcher(s, outbox, Clock.systemUTC(), options).start();
        dispatchers.add(d);
        return d;
    }

    private static OutboxEvent trigger(String account, String table) {
        return new AlertPolicy(PagerDutySettings.defaults().enabledWith(KEY))
                .decide(List.of(Transition.opened(rpo(account, "us-east-1", table, Status.NON_COMPLIANT,
                        Instant.now()))), Instant.now()).get(0);
    }

    private void awaitFate(long id, InMemoryOutbox.Fate fate) {
        await().atMost(PATIENCE).until(() -> outbox.fate(id) == fate);
    }

    @Test
    void an_accepted_event_is_marked_delivered_and_carries_the_routing_key_added_at_send_time() throws Exception {
        OutboxEvent stored = trigger("111111111111", "orders");
        long id = outbox.append(stored);

        Dispatcher d = dispatcher(settings, FAST);
        d.wake();
        awaitFate(id, InMemoryOutbox.Fate.DELIVERED);

        PagerDutyReceiver.Event got = pagerDuty.awaitEvents(1, PATIENCE).get(0);
        assertThat(got.routingKey()).isEqualTo(KEY);
        assertThat(got.action()).isEqualTo("trigger");
        assertThat(got.dedupKey()).isEqualTo(stored.dedupKey());
        assertThat(got.summary()).contains("orders", "prod-rpo");
        assertThat(outbox.event(id).payload()).doesNotContain(KEY);
        assertThat(d.stats().delivered()).isEqualTo(1);
    }

    @Test
    void a_wake_up_delivers_at_once_without_waiting_for_the_poll() {
        Dispatcher d = dispatcher(settings, new Dispatcher.Options(100, Duration.ofHours(1), Duration.ofSeconds(2),
                Duration.ofSeconds(5), FAST.backoff(), 5, Duration.ofSeconds(2)));
        await().atMost(PATIENCE).until(() -> outbox.dueCalls() >= 1);
        long id = outbox.append(trigger("111111111111", "orders"));

        d.wake();

        awaitFate(id, InMemoryOutbox.Fate.DELIVERED);
    }

    @Test
    void throttling_backs_off_and_the_event_is_delivered_once_pagerduty_accepts_it() {
        pagerDuty.failNext(2, 429);
        long id = outbox.append(trigger("111111111111", "orders"));

        Dispatcher d = dispatcher(settings, FAST);
        awaitFate(id, InMemoryOutbox.Fate.DELIVERED);

        assertThat(pagerDuty.requests()).isEqualTo(3);
        assertThat(outbox.retries()).hasSize(2).allSatisfy(r -> {
            assertThat(r.error()).startsWith("HTTP 429");
            assertThat(r.next()).isAfter(r.at().minusMillis(5).plusMillis(20));
        });
        assertThat(d.stats().retried()).isEqualTo(2);
        assertThat(d.stats().delivered()).isEqualTo(1);
    }

    @Test
    void a_server_error_is_retried() {
        pagerDuty.failNext(1, 500);
        long id = outbox.append(trigger("111111111111", "orders"));

        dispatcher(settings, FAST);
        awaitFate(id, InMemoryOutbox.Fate.DELIVERED);

        assertThat(pagerDuty.requests()).isEqualTo(2);
        assertThat(outbox.event(id).attempts()).isEqualTo(1);
        assertThat(outbox.event(id).lastError()).startsWith("HTTP 500");
    }

    @Test
    void a_retry_after_from_pagerduty_is_honoured() {
        pagerDuty.failNext(1, 429, Duration.ofSeconds(2));
        long id = outbox.append(trigger("111111111111", "orders"));

        dispatcher(settings, FAST);
        awaitFate(id, InMemoryOutbox.Fate.DELIVERED);

        InMemoryOutbox.Retry retry = outbox.retries().get(0);
        assertThat(Duration.between(retry.at(), retry.next())).isGreaterThan(Duration.ofMillis(1900));
    }

    @Test
    void an_event_pagerduty_refuses_is_dead_lettered_with_its_reason_and_never_sent_again() {
        OutboxEvent good = trigger("111111111111", "orders");
        long bad = outbox.append(OutboxEvent.of("pagerduty", good.dedupKey(), "trigger",
                good.payload().replace("\"severity\":\"critical\"", "\"severity\":\"fatal\""), Instant.now()));

        Dispatcher d = dispatcher(settings, FAST);
        awaitFate(bad, InMemoryOutbox.Fate.DEAD);
        long next = outbox.append(trigger("222222222222", "orders"));
        d.wake();
        awaitFate(next, InMemoryOutbox.Fate.DELIVERED);

        assertThat(outbox.reason(bad)).contains("HTTP 400", "Event object is invalid", "payload.severity");
        assertThat(pagerDuty.requests()).as("the refused event once, the next event once").isEqualTo(2);
        assertThat(d.stats().deadLettered()).isEqualTo(1);
        assertThat(d.stats().lastError()).contains("Event object is invalid");
    }

    @Test
    void an_event_that_keeps_failing_is_dead_lettered_after_the_last_attempt_not_retried_forever() {
        pagerDuty.failNext(50, 503);
        long id = outbox.append(trigger("111111111111", "orders"));

        Dispatcher d = dispatcher(settings, FAST);
        awaitFate(id, InMemoryOutbox.Fate.DEAD);

        assertThat(outbox.reason(id)).contains("gave up after 5 attempts", "HTTP 503");
        assertThat(pagerDuty.requests()).isEqualTo(5);
        assertThat(d.stats().deadLettered()).isEqualTo(1);
    }

    @Test
    void a_resolve_never_overtakes_its_trigger_still_backing_off_from_before_a_restart() throws Exception {
        OutboxEvent trigger = trigger("111111111111", "orders");
        Instant now = Instant.now();
        // As a restarted daemon finds it: the trigger failed before and waits a second; its resolve is due.
        long t = outbox.append(new OutboxEvent(0, "pagerduty", trigger.dedupKey(), "trigger", trigger.payload(),
                now, 1, now.plusSeconds(1), "HTTP 429"));
        long r = outbox.append(new PagerDutyEvents(settings).resolve(trigger.dedupKey(), now));
        long other = outbox.append(trigger("222222222222", "orders"));

        dispatcher(settings, FAST);
        awaitFate(r, InMemoryOutbox.Fate.DELIVERED);

        assertThat(outbox.fate(t)).isEqualTo(InMemoryOutbox.Fate.DELIVERED);
        assertThat(outbox.fate(other)).isEqualTo(InMemoryOutbox.Fate.DELIVERED);
        List<PagerDutyReceiver.Event> got = pagerDuty.events();
        assertThat(got).extracting(e -> e.action() + " " + e.dedupKey()).containsExactly(
                "trigger " + outbox.event(other).dedupKey(),
                "trigger " + trigger.dedupKey(),
                "resolve " + trigger.dedupKey());
    }

    @Test
    void the_routing_key_never_appears_in_the_logs() throws Exception {
        pagerDuty.failNext(1, 429);
        pagerDuty.failNext(1, 500);
        OutboxEvent good = trigger("111111111111", "orders");
        long bad = outbox.append(OutboxEvent.of("pagerduty", good.dedupKey(), "trigger", "{\"event_action\":\"trigger\"}",
                Instant.now()));
        long ok = outbox.append(trigger("222222222222", "orders"));
        dispatcher(settings, FAST);
        awaitFate(bad, InMemoryOutbox.Fate.DEAD);
        awaitFate(ok, InMemoryOutbox.Fate.DELIVERED);
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        InMemoryOutbox unreachable = new InMemoryOutbox();
        long lost = unreachable.append(trigger("333333333333", "orders"));
        Dispatcher nowhere = new Dispatcher(settings.withEventsUrl(URI.create("http://127.0.0.1:" + closedPort
                + "/v2/enqueue")), unreachable, Clock.systemUTC(), FAST).start();
        dispatchers.add(nowhere);
        await().atMost(PATIENCE).until(() -> unreachable.fate(lost) == InMemoryOutbox.Fate.DEAD);

        List<String> lines = logs.list.stream().map(e -> e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()))).toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("HTTP 429"))
                .anySatisfy(l -> assertThat(l).contains("HTTP 400"))
                .anySatisfy(l -> assertThat(l).contains("cannot reach 127.0.0.1"))
                .noneSatisfy(l -> assertThat(l).contains(KEY));
        assertThat(outbox.reason(bad)).doesNotContain(KEY);
        assertThat(unreachable.reason(lost)).doesNotContain(KEY);
    }

    @Test
    void close_stops_the_dispatcher_within_its_bound() throws InterruptedException {
        Dispatcher d = dispatcher(settings, FAST);
        long start = System.nanoTime();

        d.close();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        long id = outbox.append(trigger("111111111111", "orders"));
        d.wake();
        Thread.sleep(500);
        assertThat(outbox.fate(id)).as("a closed dispatcher sends nothing").isEqualTo(InMemoryOutbox.Fate.PENDING);
        assertThat(pagerDuty.requests()).isZero();
    }
}
