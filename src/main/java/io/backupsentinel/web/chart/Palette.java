package io.backupsentinel.web.chart;

import io.backupsentinel.model.Status;

/**
 * Status colours, chosen for contrast on white and to stay apart for the common colour-vision deficiencies
 * (blue/orange rather than green/red); every chart also says the status in text, so colour is never the only cue.
 */
final class Palette {
    static final String AXIS = "#57606a";
    static final String GRID = "#d0d7de";
    static final String LINE = "#0550ae";
    static final String TARGET = "#24292f";
    static final String BREACH = "#bc4c00";
    static final String BREACH_AREA = "#fff1e5";
    static final String NO_FINDING = "#f6f8fa";

    private Palette() {
    }

    static String fill(Status s) {
        return switch (s) {
            case COMPLIANT -> "#0969da";
            case NON_COMPLIANT -> "#bc4c00";
            case UNKNOWN -> "#8c959f";
            case EXEMPT -> "#8250df";
        };
    }

    /** The CSS class a page may use to restyle a status, e.g. {@code status-non-compliant}. */
    static String cssClass(Status s) {
        return "status-" + s.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
