package io.backupsentinel.report.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.ExceptionConverter;
import com.lowagie.text.PageSize;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfWriter;
import io.backupsentinel.report.period.PeriodReport;
import io.backupsentinel.report.period.ReportCover;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Writes a period report as a PDF for people: a cover (period, scope, version, generation time, chain head), a
 * compliance chart, and tables that break across pages with their header repeated, on landscape A4 in the
 * built-in Helvetica. The same report gives the same bytes: no wall clock, no random ID. Rows are laid out as
 * they are read, so memory stays near the size of the model however many pages the report runs to.
 *
 * <p>The entry point for {@code report --format pdf} and {@code GET /api/reports?format=pdf}:
 * {@link #write(PeriodReport, OutputStream)}.
 */
public final class PdfReport {
    private PdfReport() {
    }

    /** Writes the report to {@code out}, flushes it and leaves it open. */
    public static void write(PeriodReport report, OutputStream out) throws IOException {
        ReportCover cover = report.cover();
        BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
        // Landscape: a row of rule, account, region, table and five durations reads on one line.
        // A landscape media box rather than a rotated portrait one, so every viewer and converter agrees on "up".
        Document document = new Document(new Rectangle(PageSize.A4.getHeight(), PageSize.A4.getWidth()),
                36, 36, 36, 48);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, buffered);
            writer.setCloseStream(false);
            writer.setPageEvent(new PageFooter(CoverPage.TITLE + " \u00b7 " + CoverPage.period(cover)
                    + (cover.head() == null ? "" : " \u00b7 chain head " + cover.head().seq())));
            document.addTitle(CoverPage.TITLE + ", " + CoverPage.period(cover));
            document.addSubject("Backup posture of DynamoDB tables over a period, built from the audit history");
            document.open();
            Reproducible.stamp(writer, cover.asOf() != null ? cover.asOf() : cover.to(), documentId(report),
                    "Backup Sentinel " + cover.version());
            CoverPage.write(document, cover);
            ChartSection.write(document, writer, report.rules(), report.times());
            SummaryTables.rules(document, report.rules());
            SummaryTables.frameworks(document, report.frameworks());
            SummaryTables.times(document, report.times());
            EvidenceTables.violations(document, report.violations());
            EvidenceTables.exemptions(document, report.exemptions());
            EvidenceTables.restoreTests(document, report.restoreTests());
            EvidenceTables.changes(document, report.changes());
            if (!report.storage().isEmpty()) {
                EvidenceTables.storage(document, report.storage());
            }
            document.close();
        } catch (DocumentException e) {
            throw new PdfReportException("could not lay out the PDF report", e);
        } catch (ExceptionConverter e) {
            // OpenPDF wraps the output stream's IOException; the caller should see it as what it is.
            if (e.getException() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
        buffered.flush();
    }

    /**
     * The PDF's document ID: the start of a SHA-256 over what identifies the report (cover and rules, whose
     * text is a function of the history, period and scope), so two identical reports share an ID.
     */
    static byte[] documentId(PeriodReport report) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(report.cover().toString().getBytes(StandardCharsets.UTF_8));
            sha.update(report.rules().toString().getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
