package io.backupsentinel.model;

/** The verdict of one rule on one table. UNKNOWN means the facts could not be collected or are stale. */
public enum Status {
    COMPLIANT, NON_COMPLIANT, UNKNOWN, EXEMPT
}
