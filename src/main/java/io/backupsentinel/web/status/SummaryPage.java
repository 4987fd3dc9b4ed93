package io.backupsentinel.web.status;

import io.backupsentinel.engine.CollectionInProgress;
import io.backupsentinel.engine.FleetSnapshot;
import io.backupsentinel.engine.RpoDeadline;
import io.backupsentinel.model.Status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What {@code GET /} shows: the fleet's counts, the tables closest to their RPO deadline, running collections. */
public record SummaryPage(FleetSnapshot fleet, List<RpoDeadline> closest, int underRpo,
                          List<CollectionInProgress> running, Instant now) {
    public static final int CLOSEST = 15;

    public List<Status> statuses() {
        return List.of(Status.values());
    }

    /** Time left before the deadline, or how long ago it passed, in words. */
    public String remaining(RpoDeadline d) {
        if (d.deadline() == null) {
            return "no recovery point";
        }
        Duration left = Duration.between(now, d.deadline());
        return left.isNegative() || left.isZero() ? "breached " + Fmt.duration(left.negated()) + " ago"
                : Fmt.duration(left) + " left";
    }
}
