package io.backupsentinel.check;

import io.backupsentinel.model.Status;

/** What a check says about one table: the status and the evidence behind it. */
public record Outcome(Status status, String observed, String expected, String message) {
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
}
