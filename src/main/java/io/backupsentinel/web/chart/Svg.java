package io.backupsentinel.web.chart;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A small SVG writer: elements with escaped attribute values and text, numbers in a locale-free form. Charts
 * use presentation attributes ({@code fill=}, {@code stroke=}) and classes only, never {@code style}, so they
 * render under a CSP without {@code 'unsafe-inline'}.
 */
final class Svg {
    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    private final StringBuilder out = new StringBuilder(4096);

    /**
     * Opens the root element: scalable by viewBox, announced to screen readers as one image named by its
     * title and described by its description.
     */
    Svg(String id, String cssClass, int width, int height, String title, String description) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a chart id is a letter then up to 63 letters, digits, '-' or '_': '" + id + "'");
        }
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" role=\"img\" class=\"")
                .append(escape(cssClass)).append("\" id=\"").append(id).append("\" aria-labelledby=\"").append(id)
                .append("-title ").append(id).append("-desc\" font-family=\"sans-serif\" font-size=\"11\">")
                .append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>")
                .append("<desc id=\"").append(id).append("-desc\">").append(escape(description)).append("</desc>");
    }

    /** {@code <name a="v" …/>}, or with a tooltip {@code <title>} child when {@code tooltip} is not null. */
    Svg element(String name, String tooltip, Object... attributes) {
        out.append('<').append(name);
        for (int i = 0; i < attributes.length; i += 2) {
            out.append(' ').append(attributes[i]).append("=\"").append(escape(value(attributes[i + 1]))).append('"');
        }
        if (tooltip == null) {
            out.append("/>");
        } else {
            out.append("><title>").append(escape(tooltip)).append("</title></").append(name).append('>');
        }
        return this;
    }

    /** {@code <text …>content</text>}. */
    Svg text(String content, Object... attributes) {
        out.append("<text");
        for (int i = 0; i < attributes.length; i += 2) {
            out.append(' ').append(attributes[i]).append("=\"").append(escape(value(attributes[i + 1]))).append('"');
        }
        out.append('>').append(escape(content)).append("</text>");
        return this;
    }

    Svg open(String name, Object... attributes) {
        out.append('<').append(name);
        for (int i = 0; i < attributes.length; i += 2) {
            out.append(' ').append(attributes[i]).append("=\"").append(escape(value(attributes[i + 1]))).append('"');
        }
        out.append('>');
        return this;
    }

    /** A {@code <title>} child: the tooltip of the element just opened. */
    Svg title(String text) {
        out.append("<title>").append(escape(text)).append("</title>");
        return this;
    }

    Svg close(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    String finish() {
        return out.append("</svg>").toString();
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String value(Object v) {
        return v instanceof Double d ? num(d) : String.valueOf(v);
    }

    /**
     * Escapes for XML text and attribute values. Characters XML 1.0 cannot carry at all (most control characters,
     * lone surrogates) become U+FFFD, so a table name with a stray byte cannot break the page's markup.
     */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        b.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c) || c < 0x20 && c != '\t' && c != '\n' && c != '\r'
                            || c == 0xFFFE || c == 0xFFFF) {
                        b.append('\uFFFD');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
