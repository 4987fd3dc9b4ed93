package io.backupsentinel.web.status;

import io.backupsentinel.engine.CollectionInProgress;
import io.backupsentinel.engine.FleetSnapshot;
import io.backupsentinel.engine.RpoDeadline;
import io.backupsentinel.model.Status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What {@code GET /} shows: the fleet's counts, the tables closest to their RPO deadline, running collections. */
public record SummaryPage(FleetSnapshot fleet, List<RpoDeadline> closest, int underRpo,
                          List<CollectionInProgress> running, Instant now) {
    public static final int CLOSEST = 15;

    /**
     * The first {@link #CLOSEST} of {@code soonest} (every deadline, soonest first) as the summary ranks them at
     * {@code now}: breached, then unknown (a breach not proved, but not ruled out), then the soonest deadlines.
     */
    static List<RpoDeadline> closest(List<RpoDeadline> soonest, Instant now) {
        List<RpoDeadline> breached = new ArrayList<>();
        List<RpoDeadline> unknown = new ArrayList<>();
        List<RpoDeadline> within = new ArrayList<>();
        for (RpoDeadline d : soonest) {
            List<RpoDeadline> to = d.breached(now) ? breached : d.unknown(now) ? unknown : within;
            if (to.size() < CLOSEST) {
                to.add(d);
            }
        }
        breached.addAll(unknown);
        breached.addAll(within);
        return List.copyOf(breached.subList(0, Math.min(CLOSEST, breached.size())));
    }

    public List<Status> statuses() {
        return List.of(Status.values());
    }

    /** The deadline shown: none when a source could not be read and no source read is within the RPO. */
    public Instant deadline(RpoDeadline d) {
        return d.unknown(now) ? null : d.deadline();
    }

    /** Time left before the deadline, how long ago it passed, or why that is unknown, in words. */
    public String remaining(RpoDeadline d) {
        if (d.unknown(now)) {
            return "unknown: " + d.unknown();
        }
        if (d.deadline() == null) {
            return "no recovery point";
        }
        Duration left = Duration.between(now, d.deadline());
        return left.isNegative() || left.isZero() ? "breached " + Fmt.duration(left.negated()) + " ago"
                : Fmt.duration(left) + " left";
    }
}
