package io.backupsentinel.model;

/** An account-region whose tables could not be listed, and why. */
public record CollectionFailure(Target target, String cause) {
}
