package io.backupsentinel.report.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.ExceptionConverter;
import com.lowagie.text.PageSize;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfWriter;
import io.backupsentinel.report.period.PeriodReport;
import io.backupsentinel.report.period.ReportCover;
import io.backupsentinel.report.period.ReportSections;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Writes a period report as a PDF for people: a cover (period, scope, version, generation time, chain head), a
 * compliance chart, and tables that break across pages with their header repeated, on landscape A4 in the
 * built-in Helvetica. It is sealed like the JSON and CSV reports (a comment after {@code %%EOF}, see
 * {@link io.backupsentinel.report.ReportSeal}), one seal part per section. The same report gives the same
 * bytes: no wall clock, no random ID. Rows are laid out as they are read, so memory stays near the size of the
 * model however many pages the report runs to.
 *
 * <p>The entry point for {@code report --format pdf} and {@code GET /api/reports?format=pdf}:
 * {@link #write(PeriodReport, OutputStream)}.
 */
public final class PdfReport {
    private PdfReport() {
    }

    /**
     * Writes the sealed report to {@code out}, flushes it and leaves it open; returns the PDF's SHA-256 (the
     * digest in its seal). {@code verify} checks the result like a JSON or CSV report.
     */
    public static String write(PeriodReport report, OutputStream out) throws IOException {
        ReportCover cover = report.cover();
        SealedParts parts = new SealedParts(out);
        // A landscape media box rather than a rotated portrait one, so every viewer and converter agrees on "up".
        Document document = new Document(new Rectangle(PageSize.A4.getHeight(), PageSize.A4.getWidth()),
                36, 36, 36, 48);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, parts.stream());
            writer.setCloseStream(false);
            // Page content is deflated as each page is finished, on the one thread that lays the report out. For the
            // 8,769-page fleet report zlib took 18% of the CPU at the default level and 7% at the fastest, which
            // makes the file a fifth larger (43 MB to 52 MB) and the report 1.5-3 s faster (BENCHMARKS.md).
            writer.setCompressionLevel(java.util.zip.Deflater.BEST_SPEED);
            parts.attach(writer);
            writer.setPageEvent(new PageFooter(CoverPage.TITLE + " \u00b7 " + CoverPage.period(cover)
                    + " \u00b7 chain head " + cover.head().seq()));
            writer.setPageEvent(parts);
            document.addTitle(CoverPage.TITLE + ", " + CoverPage.period(cover));
            document.addSubject("Backup posture of DynamoDB tables over a period, built from the audit history");
            document.open();
            Reproducible.stamp(writer, cover.asOf(), documentId(report), "Backup Sentinel " + cover.version());
            parts.begin(ReportSections.COVER);
            CoverPage.write(document, cover);
            ChartSection.write(document, writer, parts, report.rules(), report.times());
            SummaryTables.rules(document, parts, report.rules());
            SummaryTables.frameworks(document, parts, report.frameworks());
            SummaryTables.times(document, parts, report.times());
            EvidenceTables.violations(document, parts, report.violations());
            EvidenceTables.exemptions(document, parts, report.exemptions());
            EvidenceTables.restoreTests(document, parts, report.restoreTests());
            EvidenceTables.changes(document, parts, report.changes());
            if (!report.storage().isEmpty()) {
                EvidenceTables.storage(document, parts, report.storage());
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
        return parts.seal(cover);
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
