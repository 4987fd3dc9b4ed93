package io.backupsentinel.report.pdf;

/** The PDF report could not be written (a layout failure inside OpenPDF, or the output stream failed). */
public final class PdfReportException extends RuntimeException {
    public PdfReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
