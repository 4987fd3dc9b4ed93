package io.backupsentinel.store;

/**
 * The history cannot be used. The message is one line fit for a user (what, where, what to do); commands
 * print it alone, without a stack trace. {@link #transientFault()} is true when waiting may cure it (the
 * database is unreachable or restarting), which {@link ResilientHistory} uses to queue writes instead of
 * failing.
 */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean transientFault;

    public StoreException(String message) {
        this(message, null, false);
    }

    public StoreException(String message, Throwable cause, boolean transientFault) {
        super(message, cause);
        this.transientFault = transientFault;
    }

    public boolean transientFault() {
        return transientFault;
    }
}
