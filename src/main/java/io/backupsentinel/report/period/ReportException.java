package io.backupsentinel.report.period;

/**
 * A report that cannot be made as asked: the period is empty or reversed, ends after now, or starts before
 * the history. The message is one sentence for the user (the CLI prints it, the API returns it with a 400).
 */
public final class ReportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReportException(String message) {
        super(message);
    }
}
