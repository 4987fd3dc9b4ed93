package io.backupsentinel.report.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import io.backupsentinel.report.period.ReportCover;
import io.backupsentinel.report.period.ReportScope;

import java.util.stream.Collectors;

/**
 * The first page: what the report covers (period, scope), what made it (version), and what it was built from
 * (the newest history record read and the chain head), so an auditor can tie the paper to the history.
 */
final class CoverPage {
    static final String TITLE = "Backup Sentinel audit report";

    private CoverPage() {
    }

    static void write(Document document, ReportCover cover) throws DocumentException {
        Paragraph title = new Paragraph(TITLE, Fonts.TITLE);
        title.setSpacingAfter(4);
        document.add(title);
        if (cover.title() != null && !cover.title().isBlank() && !cover.title().equals(TITLE)) {
            document.add(new Paragraph(PdfText.safe(cover.title()), Fonts.HEADING));
        }
        Paragraph period = new Paragraph(period(cover), Fonts.HEADING);
        period.setSpacingBefore(6);
        period.setSpacingAfter(14);
        document.add(period);

        PdfPTable facts = new PdfPTable(new float[] {1, 4});
        facts.setWidthPercentage(100);
        ReportScope scope = cover.scope();
        pair(facts, "Period", period(cover) + " (" + Texts.duration(cover.periodSeconds())
                + "; the end is not included)", Fonts.BODY);
        pair(facts, "Accounts", Texts.anyOf(scope.accounts()), Fonts.BODY);
        pair(facts, "Regions", Texts.anyOf(scope.regions()), Fonts.BODY);
        pair(facts, "Tags", scope.tags().isEmpty() ? "any" : scope.tags().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")), Fonts.BODY);
        pair(facts, "Rules", Texts.anyOf(scope.rules()), Fonts.BODY);
        pair(facts, "Frameworks", Texts.anyOf(scope.frameworks()), Fonts.BODY);
        pair(facts, "In this report", cover.tables() + " tables, " + cover.rules() + " rules", Fonts.BODY);
        pair(facts, "Backup Sentinel", "version " + cover.version(), Fonts.BODY);
        pair(facts, "Generated as of", Texts.utc(cover.asOf())
                + " (the newest history record read; the same history gives the same report)", Fonts.BODY);
        pair(facts, "History chain head", cover.head().seq() == 0 ? "none: the history is empty"
                : "record " + cover.head().seq() + ", SHA-256 " + cover.head().hash(), Fonts.BODY);
        document.add(facts);

        Paragraph notes = new Paragraph();
        notes.setSpacingBefore(14);
        for (String note : cover.notes()) {
            notes.add(new Chunk("\u2022 " + PdfText.safe(note) + "\n", Fonts.BODY));
        }
        notes.add(new Chunk("Times are UTC. UNKNOWN means the facts were missing or stale. Characters the PDF's "
                + "built-in font lacks are written as [U+XXXX]; the JSON and CSV reports carry every name exactly.",
                Fonts.NOTE));
        document.add(notes);
    }

    static String period(ReportCover cover) {
        return Texts.utc(cover.from()) + " \u2013 " + Texts.utc(cover.to());
    }

    private static void pair(PdfPTable table, String key, String value, Font font) {
        table.addCell(cell(new Phrase(key, Fonts.LABEL)));
        table.addCell(cell(new Phrase(PdfText.safe(value), font)));
    }

    private static PdfPCell cell(Phrase phrase) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBorder(PdfPCell.BOTTOM);
        cell.setBorderColor(Fonts.RULE_LINE);
        cell.setBorderWidth(0.5f);
        cell.setPaddingTop(4);
        cell.setPaddingBottom(6);
        cell.setVerticalAlignment(Element.ALIGN_TOP);
        return cell;
    }
}
