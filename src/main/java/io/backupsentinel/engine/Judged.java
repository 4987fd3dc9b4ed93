package io.backupsentinel.engine;

import io.backupsentinel.model.Finding;

import java.time.Instant;

/**
 * A finding and the instant it will change on its own (an RPO deadline, an exemption or a restore test
 * expiring, the facts going stale); null when only new facts can change it. The daemon re-evaluates at the
 * earliest of these instants instead of polling.
 */
public record Judged(Finding finding, Instant changesAt) {
}
