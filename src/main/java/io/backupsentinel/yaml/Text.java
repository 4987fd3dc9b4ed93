package io.backupsentinel.yaml;

/** Values echoed in error messages, cut to a length a user can read (a 1 MB name is not repeated whole). */
public final class Text {
    /** The longest value echoed in full. */
    public static final int ECHO = 60;

    private Text() {
    }

    /** {@code value} cut to {@value #ECHO} characters, with "…" where it was cut; single-line. */
    public static String clip(String value) {
        return clip(value, ECHO);
    }

    public static String clip(String value, int max) {
        if (value == null) {
            return "";
        }
        String oneLine = value.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
        if (oneLine.length() <= max) {
            return oneLine;
        }
        int end = Character.isHighSurrogate(oneLine.charAt(max - 1)) ? max - 2 : max - 1;
        return oneLine.substring(0, end) + "…";
    }
}
