package io.backupsentinel.report.pdf;

import com.lowagie.text.pdf.BaseFont;

import java.text.Normalizer;
import java.util.BitSet;
import java.util.regex.Pattern;

/**
 * Makes any string printable in the PDF's built-in Helvetica, whose WinAnsi encoding covers Western European
 * text only. A character Helvetica lacks is first replaced by its base letter when it has one ({@code ő} →
 * {@code o}), and a sign the findings' own words use by its usual typed spelling ({@code ≤} → {@code <=},
 * {@code →} → {@code ->}); otherwise it is shown as {@code [U+4E2D]}, so a name stays distinct and traceable to
 * the JSON and CSV reports, which carry it exactly. Control characters become spaces. Nothing here ever throws
 * on text.
 */
public final class PdfText {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** Which BMP characters Helvetica with WinAnsi can draw, computed once from the font itself. */
    private static final BitSet DRAWABLE = drawable();

    private PdfText() {
    }

    /** The text as Helvetica can print it; {@code null} becomes the empty string. */
    public static String safe(String text) {
        if (text == null) {
            return "";
        }
        if (allDrawable(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> append(out, cp));
        return out.toString();
    }

    /** Whether Helvetica draws this code point as itself. */
    public static boolean drawable(int codePoint) {
        return codePoint < 0x10000 && DRAWABLE.get(codePoint);
    }

    private static boolean allDrawable(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!DRAWABLE.get(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static void append(StringBuilder out, int cp) {
        if (drawable(cp)) {
            out.appendCodePoint(cp);
        } else if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
            out.append(' ');
        } else if (typed(cp) != null) {
            // The signs before the base letters: "≠" decomposes to "=" and a mark, and must not read as its opposite.
            out.append(typed(cp));
        } else {
            String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
            String base = MARKS.matcher(decomposed).replaceAll("");
            // Nor may any other sign negated by an overlay ("≮", "∉") lose it: that mark is meaning, not an accent.
            boolean negated = decomposed.indexOf('\u0338') >= 0 || decomposed.indexOf('\u20d2') >= 0;
            if (!negated && !base.isEmpty() && base.codePoints().allMatch(PdfText::drawable)) {
                out.append(base);
            } else {
                out.append(String.format("[U+%04X]", cp));
            }
        }
    }

    /** The typed spelling of a sign that findings use ("kept ≥ 35d", "copy → vault"), or null. */
    private static String typed(int cp) {
        return switch (cp) {
            case 0x2264 -> "<=";
            case 0x2265 -> ">=";
            case 0x2260 -> "!=";
            case 0x2248 -> "~";
            case 0x2192 -> "->";
            case 0x2190 -> "<-";
            default -> null;
        };
    }

    private static BitSet drawable() {
        BaseFont helvetica = Fonts.base();
        BitSet set = new BitSet(0x10000);
        for (int c = 0x20; c < 0x10000; c++) {
            // Controls (C0, DEL, C1) are never drawn, whatever a code page says about them.
            if (!Character.isISOControl(c) && !Character.isSurrogate((char) c) && helvetica.charExists(c)) {
                set.set(c);
            }
        }
        return set;
    }
}
