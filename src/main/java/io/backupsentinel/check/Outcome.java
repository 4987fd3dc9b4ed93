package io.backupsentinel.check;

import io.backupsentinel.model.Status;

import java.time.Instant;

/**
 * What a check says about one table: the status and the evidence behind it, and when the verdict will change
 * on its own if no new fact arrives (e.g. the RPO deadline: the newest point's time plus the allowed age).
 *
 * @param changesAt the first instant at which the same facts give another verdict; null when only new facts
 *                  can change it
 */
public record Outcome(Status status, String observed, String expected, String message, Instant changesAt) {
    public Outcome(Status status, String observed, String expected, String message) {
        this(status, observed, expected, message, null);
    }

    public static Outcome compliant(String observed, String expected, String message) {
        return new Outcome(Status.COMPLIANT, observed, expected, message);
    }

    public static Outcome nonCompliant(String observed, String expected, String message) {
        return new Outcome(Status.NON_COMPLIANT, observed, expected, message);
    }

    public static Outcome unknown(String expected, String cause) {
        return new Outcome(Status.UNKNOWN, "unknown", expected, cause);
    }

    /** UNKNOWN with what could be observed, when some facts were collected but not enough to decide. */
    public static Outcome partlyUnknown(String observed, String expected, String cause) {
        return new Outcome(Status.UNKNOWN, observed, expected, cause);
    }

    /** The same verdict, changing on its own at {@code at} (null: only new facts change it). */
    public Outcome changingAt(Instant at) {
        return new Outcome(status, observed, expected, message, at);
    }
}
