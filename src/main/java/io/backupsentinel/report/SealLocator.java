package io.backupsentinel.report;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Names where a sealed report was altered: the sections whose bytes no longer match their digest and, in
 * each, the first line whose tag differs, with its line number in the file (1-based) and in the section. When
 * bytes were added or removed, a section found intact where the change moved it (its sealed offset plus the
 * difference in length) is not named: one inserted byte names its own section, not every one after it.
 */
final class SealLocator {
    private SealLocator() {
    }

    static List<String> alteredParts(byte[] report, int bodyEnd, long sealedBytes, List<SealPart> parts, int max) {
        long shift = bodyEnd - sealedBytes;
        List<String> out = new ArrayList<>();
        for (SealPart p : parts) {
            if (out.size() >= max) {
                break;
            }
            if (shift != 0 && intact(report, bodyEnd, p, p.offset() + shift)) {
                continue;
            }
            int from = (int) p.offset();
            int to = (int) Math.min(p.offset() + p.length(), bodyEnd);
            if (from > bodyEnd || to - from != p.length()) {
                out.add("section " + p.name() + " was cut short");
                continue;
            }
            if (Digests.sha256(report, from, to).equals(p.sha256())) {
                continue;
            }
            out.add("section " + p.name() + " was altered" + where(report, from, to, p));
        }
        return out;
    }

    /** Whether the part's bytes, read at {@code offset}, match its digest. */
    private static boolean intact(byte[] report, int bodyEnd, SealPart p, long offset) {
        return offset >= 0 && offset + p.length() <= bodyEnd
                && Digests.sha256(report, (int) offset, (int) (offset + p.length())).equals(p.sha256());
    }

    /** " at line L of the file (line N of the section)", for the first line whose tag differs. */
    private static String where(byte[] report, int from, int to, SealPart p) {
        MessageDigest d = Digests.sha256();
        int line = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            if (report[i] == '\n' || i == to - 1) {
                d.update(report, start, i + 1 - start);
                String tag = Digests.tag(d);
                if (line >= p.lines() || !tag.equals(p.lineTag(line))) {
                    return " at line " + (fileLine(report, from) + line) + " of the file (line " + (line + 1)
                            + " of the section)";
                }
                line++;
                start = i + 1;
            }
        }
        return "";
    }

    private static int fileLine(byte[] report, int offset) {
        int n = 1;
        for (int i = 0; i < offset; i++) {
            if (report[i] == '\n') {
                n++;
            }
        }
        return n;
    }
}
