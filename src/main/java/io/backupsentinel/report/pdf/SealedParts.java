package io.backupsentinel.report.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import io.backupsentinel.report.SealKind;
import io.backupsentinel.report.SealedOutput;
import io.backupsentinel.report.period.ReportCover;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The PDF's bytes on their way out, sealed as they stream ({@link SealedOutput}): each report section's pages
 * form one named part of the seal, so {@code verify} on an altered PDF names the section whose pages changed
 * (or {@value #STRUCTURE}: fonts, page tree, cross-reference table, all written when the document closes).
 * A section's pages reach the stream when the next section starts a new page, which is when its part ends.
 */
final class SealedParts extends PdfPageEventHelper {
    static final String STRUCTURE = "document_structure";
    private final SealedOutput sealed;
    private PdfWriter writer;
    private boolean open;

    SealedParts(OutputStream out) {
        sealed = new SealedOutput(out);
    }

    /** Where OpenPDF writes (it buffers what it writes itself). */
    OutputStream stream() {
        return sealed;
    }

    /** The writer whose buffer {@link #begin} empties before it starts a part. */
    void attach(PdfWriter pdf) {
        writer = pdf;
    }

    /** Ends the part before (its pages are written by now) and starts one named {@code name}. */
    void begin(String name) {
        // OpenPDF's own buffer holds the previous part's last bytes until flushed.
        writer.flush();
        if (open) {
            sealed.endPart();
        }
        sealed.beginPart(name);
        open = true;
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        // The last page is out; what follows is the document's shared structure.
        begin(STRUCTURE);
    }

    /** After the document is closed: appends the seal and returns the PDF's SHA-256. */
    String seal(ReportCover cover) throws IOException {
        return sealed.seal(SealKind.PDF, cover.head(), cover.asOf());
    }
}
