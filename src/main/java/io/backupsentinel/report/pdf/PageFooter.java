package io.backupsentinel.report.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Prints a caption and "page N of M" at the foot of every page. M is unknown until the end, so every page draws
 * the same small template after "of", and the template gets the page count when the document closes: one pass.
 */
final class PageFooter extends PdfPageEventHelper {
    private static final float SIZE = 8;
    private final String caption;
    private PdfTemplate total;

    PageFooter(String caption) {
        this.caption = PdfText.safe(caption);
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
        // Wide enough for "999999"; a 90-day report at fleet size runs to a few thousand pages.
        total = writer.getDirectContent().createTemplate(Fonts.base().getWidthPoint("999999", SIZE), SIZE + 2);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        PdfContentByte canvas = writer.getDirectContent();
        Rectangle page = document.getPageSize();
        float y = document.bottomMargin() / 2;
        canvas.saveState();
        canvas.setColorStroke(Fonts.RULE_LINE);
        canvas.setLineWidth(0.5f);
        canvas.moveTo(document.leftMargin(), y + SIZE + 4);
        canvas.lineTo(page.getWidth() - document.rightMargin(), y + SIZE + 4);
        canvas.stroke();
        canvas.restoreState();
        ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(caption, Fonts.NOTE),
                document.leftMargin(), y, 0);

        String text = "page " + writer.getPageNumber() + " of";
        float right = page.getWidth() - document.rightMargin() - total.getWidth();
        // A gap wider than a space, so that text extraction (pdftotext) sees two words, not "of10".
        float gap = Fonts.base().getWidthPoint(" ", SIZE) * 2;
        ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT, new Phrase(text, Fonts.NOTE), right - gap, y, 0);
        canvas.addTemplate(total, right, y - 2);
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        total.beginText();
        total.setFontAndSize(Fonts.base(), SIZE);
        total.setColorFill(Fonts.MUTED);
        total.setTextMatrix(0, 2);
        // The page number has already moved past the last page when the document closes.
        total.showText(String.valueOf(writer.getPageNumber() - 1));
        total.endText();
    }
}
