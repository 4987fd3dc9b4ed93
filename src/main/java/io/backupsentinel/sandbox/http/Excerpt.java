package io.backupsentinel.sandbox.http;

/** Cuts a value echoed in an error to a readable length, so a megabyte of input is not sent back. */
public final class Excerpt {
    private static final int MAX = 120;

    private Excerpt() {
    }

    public static String of(String s) {
        if (s == null) {
            return "null";
        }
        return s.length() <= MAX ? s : s.substring(0, MAX) + "… (" + s.length() + " characters)";
    }
}
