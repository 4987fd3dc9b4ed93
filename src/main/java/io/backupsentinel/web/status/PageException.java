package io.backupsentinel.web.status;

/**
 * A page request that cannot be answered, with the HTTP status and a reason for the user; rendered as an HTML
 * error page (never a stack trace).
 */
public final class PageException extends RuntimeException {
    private final int status;

    PageException(int status, String reason) {
        super(reason);
        this.status = status;
    }

    static PageException badRequest(String reason) {
        return new PageException(400, reason);
    }

    static PageException notFound(String reason) {
        return new PageException(404, reason);
    }

    public int status() {
        return status;
    }
}
