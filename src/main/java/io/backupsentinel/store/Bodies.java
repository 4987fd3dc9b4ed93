package io.backupsentinel.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupsentinel.model.AuditRun;
import io.backupsentinel.model.Finding;
import io.backupsentinel.model.FindingKey;
import io.backupsentinel.model.OutboxEvent;
import io.backupsentinel.model.PostureChange;
import io.backupsentinel.model.Severity;
import io.backupsentinel.model.Status;
import io.backupsentinel.model.TableRef;
import io.backupsentinel.model.Transition;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical bodies of history records ({@link Canonical} defines the form) and the way back from a body
 * to the model's records. Field names are part of the evidence format: changing one changes every hash.
 */
final class Bodies {
    private Bodies() {
    }

    static Row transition(Transition t) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("at", Canonical.instant(t.at()));
        body.put("key", key(t.key()));
        body.put("previous", t.previous() == null ? null : finding(t.previous()));
        body.put("current", t.current() == null ? null : finding(t.current()));
        FindingKey k = t.key();
        Finding now = t.current();
        return new Row(RecordKind.TRANSITION, nanos(t.at()), k.rule(), k.account(), k.region(), k.table(),
                Canonical.json(body), now == null || now.status() == null ? null : now.status().name(),
                now == null ? null : now.check(), now == null || now.severity() == null ? null : now.severity().name(), null,
                FindingChange.Words.of(now));
    }

    static Row posture(PostureChange c) {
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("account", c.table().account());
        table.put("region", c.table().region());
        table.put("name", c.table().name());
        table.put("arn", c.table().arn());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("table", table);
        body.put("aspect", c.aspect().name());
        body.put("before", c.before());
        body.put("after", c.after());
        body.put("at", Canonical.instant(c.at()));
        return new Row(RecordKind.POSTURE, nanos(c.at()), null, c.table().account(), c.table().region(),
                c.table().name(), Canonical.json(body), null, null, null, c.aspect().name(), null);
    }

    static Row run(AuditRun r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("startedAt", Canonical.instant(r.startedAt()));
        body.put("duration", r.duration().toString());
        body.put("scope", r.scope());
        body.put("rules", r.rules());
        body.put("tables", r.tables());
        body.put("findings", r.findings());
        body.put("requests", new TreeMap<>(r.requests()));
        body.put("failures", new TreeMap<>(r.failures()));
        return new Row(RecordKind.RUN, nanos(r.startedAt()), null, null, null, null, Canonical.json(body));
    }

    /** The evidence of an event put in the outbox; its delivery state is kept outside the chain. */
    static Row outbox(OutboxEvent e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", e.channel());
        body.put("dedupKey", e.dedupKey());
        body.put("action", e.action());
        body.put("payload", e.payload());
        body.put("createdAt", Canonical.instant(e.createdAt()));
        body.put("nextAttemptAt", Canonical.instant(e.nextAttemptAt()));
        return new Row(RecordKind.OUTBOX, nanos(e.createdAt()), null, null, null, null, Canonical.json(body));
    }

    static Row checkpoint(Checkpoint c) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("at", Canonical.instant(c.at()));
        body.put("before", Canonical.instant(c.before()));
        body.put("prunedSeq", c.prunedSeq());
        body.put("prunedHash", c.prunedHash());
        body.put("openCount", c.openCount());
        body.put("openDigest", c.openDigest());
        return new Row(RecordKind.CHECKPOINT, nanos(c.at()), null, null, null, null, Canonical.json(body));
    }

    /** The row a stored body stands for: what {@link ChainVerifier} compares the stored columns with. */
    static Row rederive(RecordKind kind, String body) {
        JsonNode n = Canonical.parse(body);
        return switch (kind) {
            case TRANSITION -> transition(transitionOf(n));
            case POSTURE -> posture(postureOf(n));
            case RUN -> run(runOf(n));
            case OUTBOX -> outbox(outboxOf(n, 0));
            case CHECKPOINT -> checkpoint(checkpointOf(n));
        };
    }

    static Transition transitionOf(JsonNode n) {
        return new Transition(keyOf(n.get("key")), findingOf(n.get("previous")), findingOf(n.get("current")),
                instantOf(n.get("at")));
    }

    static PostureChange postureOf(JsonNode n) {
        JsonNode t = n.get("table");
        return new PostureChange(new TableRef(text(t.get("account")), text(t.get("region")), text(t.get("name")),
                text(t.get("arn"))), PostureChange.Aspect.valueOf(text(n.get("aspect"))), text(n.get("before")),
                text(n.get("after")), instantOf(n.get("at")));
    }

    static AuditRun runOf(JsonNode n) {
        List<String> scope = new ArrayList<>();
        n.get("scope").forEach(s -> scope.add(s.asText()));
        List<String> rules = new ArrayList<>();
        n.get("rules").forEach(s -> rules.add(s.asText()));
        Map<String, Long> requests = new TreeMap<>();
        n.get("requests").fields().forEachRemaining(e -> requests.put(e.getKey(), e.getValue().asLong()));
        Map<String, String> failures = new TreeMap<>();
        n.get("failures").fields().forEachRemaining(e -> failures.put(e.getKey(), e.getValue().asText()));
        return new AuditRun(instantOf(n.get("startedAt")), Duration.parse(text(n.get("duration"))), scope, rules,
                n.get("tables").asInt(), n.get("findings").asInt(), requests, failures);
    }

    /** The event as it was created (no attempts yet); {@code id} is its record's sequence number. */
    static OutboxEvent outboxOf(JsonNode n, long id) {
        return new OutboxEvent(id, text(n.get("channel")), text(n.get("dedupKey")), text(n.get("action")),
                text(n.get("payload")), instantOf(n.get("createdAt")), 0, instantOf(n.get("nextAttemptAt")), null);
    }

    static Checkpoint checkpointOf(JsonNode n) {
        return new Checkpoint(instantOf(n.get("at")), instantOf(n.get("before")), n.get("prunedSeq").asLong(),
                text(n.get("prunedHash")), n.get("openCount").asInt(), text(n.get("openDigest")));
    }

    static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("account", f.account());
        m.put("region", f.region());
        m.put("table", f.table());
        m.put("tableArn", f.tableArn());
        m.put("rule", f.rule());
        m.put("check", f.check());
        m.put("severity", f.severity() == null ? null : f.severity().name());
        m.put("status", f.status() == null ? null : f.status().name());
        m.put("observed", f.observed());
        m.put("expected", f.expected());
        m.put("message", f.message());
        m.put("evaluatedAt", Canonical.instant(f.evaluatedAt()));
        return m;
    }

    static Finding findingOf(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        String severity = text(n.get("severity"));
        String status = text(n.get("status"));
        String evaluated = text(n.get("evaluatedAt"));
        return new Finding(text(n.get("account")), text(n.get("region")), text(n.get("table")), text(n.get("tableArn")),
                text(n.get("rule")), text(n.get("check")), severity == null ? null : Severity.valueOf(severity),
                status == null ? null : Status.valueOf(status), text(n.get("observed")), text(n.get("expected")),
                text(n.get("message")), evaluated == null ? null : Times.parse(evaluated));
    }

    static Finding findingOf(String json) {
        return findingOf(Canonical.parse(json));
    }

    static String findingJson(Finding f) {
        return Canonical.json(finding(f));
    }

    static Map<String, Object> key(FindingKey k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", k.rule());
        m.put("account", k.account());
        m.put("region", k.region());
        m.put("table", k.table());
        return m;
    }

    private static FindingKey keyOf(JsonNode n) {
        return new FindingKey(text(n.get("rule")), text(n.get("account")), text(n.get("region")), text(n.get("table")));
    }

    static int compareKeys(FindingKey a, FindingKey b) {
        int c = a.rule().compareTo(b.rule());
        c = c != 0 ? c : a.account().compareTo(b.account());
        c = c != 0 ? c : a.region().compareTo(b.region());
        return c != 0 ? c : a.table().compareTo(b.table());
    }

    static long nanos(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
    }

    private static Instant instantOf(JsonNode n) {
        return n == null || n.isNull() ? null : Times.parse(n.asText());
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }
}
