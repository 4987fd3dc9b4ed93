package io.backupsentinel.model;

import java.util.List;
import java.util.Map;

/**
 * Where the daemon writes what it observed: finding transitions, posture changes, audit runs and the alert
 * outbox. Implemented by the {@code store} package (an embedded database by default, PostgreSQL for HA);
 * the engine depends only on this port. Every write is durable when the method returns.
 */
public interface History {
    /**
     * Appends, in one transaction, the transitions and posture changes of one evaluation and the outbox
     * events they cause: either all of them are stored or none is.
     */
    void append(List<Transition> transitions, List<PostureChange> changes, List<OutboxEvent> events);

    void appendRun(AuditRun run);

    /**
     * The current finding of every (rule, table) that is not closed, as the transitions left them: the daemon
     * restores its state from this at start, so a restart repeats no transition and opens no duplicate incident.
     */
    Map<FindingKey, Finding> current();

    /**
     * Each table's last posture change of {@code aspect}: the daemon resumes its daily storage log from these at
     * start, so a restart writes no entry with the bytes unchanged and none without its "before".
     */
    List<PostureChange> latestPosture(PostureChange.Aspect aspect);
}
