package io.backupsentinel.sandbox.http;

/**
 * A request the sandbox cannot even read: a bad percent-escape, a body that is not the protocol's syntax.
 * Thrown before the protocol is known to every layer; the server renders it as the 400 that the request's
 * own protocol uses for unreadable input (see {@link Protocol#malformed(String)}).
 */
public final class MalformedRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedRequest(String message) {
        super(message, null, false, false);
    }
}
