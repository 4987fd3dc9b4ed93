package io.backupsentinel.report.pdf;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;

import io.backupsentinel.model.Status;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The report's fonts and colours: the PDF's built-in Helvetica (nothing to ship or embed, every reader has it)
 * and one colour per status, shared by the tables and the chart so a reader learns them once.
 */
final class Fonts {
    static final Color COMPLIANT = new Color(0x2e, 0x7d, 0x32);
    static final Color NON_COMPLIANT = new Color(0xc6, 0x28, 0x28);
    static final Color UNKNOWN = new Color(0x75, 0x75, 0x75);
    static final Color EXEMPT = new Color(0x15, 0x65, 0xc0);
    static final Color UNOBSERVED = new Color(0xda, 0xdc, 0xe0);
    static final Color HEADER_FILL = new Color(0xe8, 0xea, 0xed);
    static final Color RULE_LINE = new Color(0xb0, 0xb4, 0xba);
    static final Color INK = new Color(0x20, 0x21, 0x24);
    static final Color MUTED = new Color(0x5f, 0x63, 0x68);

    private static final BaseFont BASE = create(BaseFont.HELVETICA);
    private static final BaseFont BOLD_BASE = create(BaseFont.HELVETICA_BOLD);

    static final Font TITLE = new Font(BOLD_BASE, 24, Font.NORMAL, INK);
    static final Font HEADING = new Font(BOLD_BASE, 14, Font.NORMAL, INK);
    static final Font LABEL = new Font(BOLD_BASE, 10, Font.NORMAL, INK);
    static final Font BODY = new Font(BASE, 10, Font.NORMAL, INK);
    static final Font NOTE = new Font(BASE, 8, Font.NORMAL, MUTED);
    static final Font CELL = new Font(BASE, 8, Font.NORMAL, INK);
    static final Font CELL_HEADER = new Font(BOLD_BASE, 8, Font.NORMAL, INK);

    private Fonts() {
    }

    static Color of(Status status) {
        return switch (status) {
            case COMPLIANT -> COMPLIANT;
            case NON_COMPLIANT -> NON_COMPLIANT;
            case UNKNOWN -> UNKNOWN;
            case EXEMPT -> EXEMPT;
        };
    }

    static BaseFont base() {
        return BASE;
    }

    static BaseFont bold() {
        return BOLD_BASE;
    }

    private static BaseFont create(String name) {
        try {
            return BaseFont.createFont(name, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        } catch (DocumentException e) {
            throw new IllegalStateException("the built-in font " + name + " is missing from OpenPDF", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
