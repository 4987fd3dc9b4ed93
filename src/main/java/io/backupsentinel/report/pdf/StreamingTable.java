package io.backupsentinel.report.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPCellEvent;
import com.lowagie.text.pdf.PdfPTable;

import java.awt.Color;

/**
 * A table written to the document as its rows arrive, so a report with a hundred thousand rows never holds
 * them all: every {@value #BATCH} rows the rows so far are laid out and dropped (OpenPDF's large-table mode).
 * The header row repeats at the top of every page the table reaches; long text wraps inside its cell, and a row
 * is kept on one page.
 */
final class StreamingTable {
    private static final int BATCH = 200;
    private static final float PADDING = 3;
    /** The height of a one-line row of {@link Fonts#CELL} text, the same whichever way the row is drawn. */
    private static final float LINE_ROW = 15;
    private final Document document;
    private final PdfPTable table;
    private final boolean[] rightAligned;
    /** Per column, the room for text inside the padding. */
    private final float[] room;
    private int pending;
    private long rows;

    /**
     * @param widths relative column widths
     * @param headers one per column
     * @param rightAligned per column, whether it holds a number or a time to line up on the right
     */
    StreamingTable(Document document, float[] widths, String[] headers, boolean[] rightAligned) {
        if (widths.length != headers.length || widths.length != rightAligned.length) {
            throw new IllegalArgumentException("widths, headers and alignments differ in length");
        }
        this.document = document;
        this.rightAligned = rightAligned.clone();
        float sum = 0;
        for (float w : widths) {
            sum += w;
        }
        room = new float[widths.length];
        for (int i = 0; i < widths.length; i++) {
            room[i] = (document.right() - document.left()) * widths[i] / sum - 2 * PADDING;
        }
        table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        // A row that does not fit the rest of a page starts the next one (only a row taller than a page is split):
        // a row read across a page break is easy to misread, and a value drawn by a cell event would be drawn on
        // both pages.
        table.setSplitLate(true);
        table.setComplete(false);
        for (int i = 0; i < headers.length; i++) {
            PdfPCell cell = cell(PdfText.safe(headers[i]), Fonts.CELL_HEADER, i);
            cell.setBackgroundColor(Fonts.HEADER_FILL);
            table.addCell(cell);
        }
    }

    /** Adds one row of plain text, one value per column. */
    void row(String... values) {
        row(null, values);
    }

    /**
     * Adds one row; {@code mark}, when not null, colours a thin bar on the row's first cell (a status colour), so a
     * reader scanning a long table finds the violations without reading every status.
     */
    void row(Color mark, String... values) {
        if (values.length != rightAligned.length) {
            throw new IllegalArgumentException("a row of " + values.length + " cells in a table of "
                    + rightAligned.length + " columns");
        }
        for (int i = 0; i < values.length; i++) {
            String text = PdfText.safe(values[i]);
            // Laying out a phrase costs far more than measuring it: a value that fits on one line is drawn directly
            // by a cell event; only a long value goes through OpenPDF's wrapping (the row is as tall as it needs).
            boolean oneLine = Fonts.base().getWidthPoint(text, Fonts.CELL.getSize()) <= room[i];
            PdfPCell cell = oneLine ? lineCell(text, i) : cell(text, Fonts.CELL, i);
            if (i == 0 && mark != null) {
                cell.setBorder(Rectangle.BOTTOM | Rectangle.LEFT);
                cell.setBorderColorLeft(mark);
                cell.setBorderWidthLeft(3);
                cell.setUseVariableBorders(true);
            }
            table.addCell(cell);
        }
        rows++;
        if (++pending >= BATCH) {
            add();
            pending = 0;
        }
    }

    /** How many rows were added, headers not counted. */
    long rows() {
        return rows;
    }

    /** Lays out the remaining rows; the table is finished afterwards. */
    void finish() {
        table.setComplete(true);
        add();
    }

    private void add() {
        try {
            document.add(table);
        } catch (DocumentException e) {
            throw new PdfReportException("could not lay out a table of the PDF report", e);
        }
    }

    private PdfPCell lineCell(String text, int column) {
        PdfPCell cell = new PdfPCell();
        cell.setMinimumHeight(LINE_ROW);
        cell.setCellEvent(new OneLine(text, rightAligned[column]));
        rule(cell);
        return cell;
    }

    private PdfPCell cell(String text, com.lowagie.text.Font font, int column) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setMinimumHeight(LINE_ROW);
        cell.setHorizontalAlignment(rightAligned[column] ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
        cell.setPadding(PADDING);
        rule(cell);
        return cell;
    }

    /** A rule under each row and none between columns: easier to read, and a quarter of the lines to draw. */
    private static void rule(PdfPCell cell) {
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(Fonts.RULE_LINE);
        cell.setBorderWidth(0.5f);
    }

    /** Draws one line of cell text where the table placed the cell, with no layout pass. */
    private record OneLine(String text, boolean right) implements PdfPCellEvent {
        @Override
        public void cellLayout(PdfPCell cell, Rectangle position, PdfContentByte[] canvases) {
            PdfContentByte canvas = canvases[PdfPTable.TEXTCANVAS];
            canvas.beginText();
            canvas.setFontAndSize(Fonts.base(), Fonts.CELL.getSize());
            canvas.setColorFill(Fonts.INK);
            float baseline = position.getTop() - PADDING - Fonts.CELL.getSize();
            if (right) {
                canvas.showTextAligned(PdfContentByte.ALIGN_RIGHT, text, position.getRight() - PADDING, baseline, 0);
            } else {
                canvas.showTextAligned(PdfContentByte.ALIGN_LEFT, text, position.getLeft() + PADDING, baseline, 0);
            }
            canvas.endText();
        }
    }
}
