package io.backupsentinel.report.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Paragraph;

/** A section of the report: it starts on a new page with a heading and a line saying how to read it. */
final class Section {
    private Section() {
    }

    /** Starts the section on a new page, and its part of the seal ({@code part}: the JSON report's name for it). */
    static void start(Document document, SealedParts parts, String part, String heading, String intro) {
        document.newPage();
        parts.begin(part);
        try {
            Paragraph title = new Paragraph(heading, Fonts.HEADING);
            title.setSpacingAfter(3);
            document.add(title);
            Paragraph about = new Paragraph(intro, Fonts.NOTE);
            about.setSpacingAfter(8);
            document.add(about);
        } catch (DocumentException e) {
            throw new PdfReportException("could not write the heading " + heading, e);
        }
    }

    /** Says plainly that a section has no rows, rather than leaving an empty table. */
    static void none(Document document, String what) {
        try {
            document.add(new Paragraph(what, Fonts.BODY));
        } catch (DocumentException e) {
            throw new PdfReportException("could not write " + what, e);
        }
    }
}
