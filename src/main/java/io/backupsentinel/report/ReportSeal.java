package io.backupsentinel.report;

import io.backupsentinel.report.period.Citation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Tamper evidence for downloaded reports, checkable offline. A sealed report is its body followed by a seal
 * ({@link SealKind} says how each format frames it: JSON's final {@code "integrity"} member, CSV's last row
 * {@code integrity,…}, a PDF comment line after {@code %%EOF}). The seal holds the SHA-256 of the exact
 * body bytes before it (the report's digest), the history record the report cites (chain head), per-section
 * digests with a short tag per line, and a digest of itself. {@link #verify} detects the format by content
 * and names what was altered: one changed byte anywhere fails.
 *
 * <p>For a PDF: write the document to a byte array, then {@code seal(pdf, SealKind.PDF, head, asOf, List.of())}
 * (or pass {@link Section}s for byte ranges worth naming); {@code verify} accepts the result.
 */
public final class ReportSeal {
    /** The most altered places one verification lists. */
    private static final int MAX_PROBLEMS = 10;

    private ReportSeal() {
    }

    /** A named byte range {@code [offset, offset + length)} of a body to seal. */
    public record Section(String name, int offset, int length) {
    }

    /** The body with its seal appended; sections must be in order and not overlap. */
    public static byte[] seal(byte[] body, SealKind kind, Citation head, Instant asOf, List<Section> sections) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(body.length + 1024);
        try (SealedOutput out = new SealedOutput(buffer)) {
            int at = 0;
            for (Section s : sections) {
                if (s.offset() < at || s.offset() + s.length() > body.length) {
                    throw new IllegalArgumentException("section " + s.name() + " is out of order or beyond the body");
                }
                out.write(body, at, s.offset() - at);
                out.beginPart(s.name());
                out.write(body, s.offset(), s.length());
                out.endPart();
                at = s.offset() + s.length();
            }
            out.write(body, at, body.length - at);
            out.seal(kind, head, asOf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    /**
     * Checks a report offline. Its format is told by the seal marker it holds (else by its first bytes), so a
     * report whose first bytes were changed is reported as altered, not as a file of another format.
     */
    public static SealCheck verify(byte[] report) {
        SealKind kind = SealKind.detect(report);
        String format = kind.label();
        int at = lastIndexOf(report, kind.marker());
        if (at < 0) {
            String what = kind.opens(report) ? "this " + format + " file" : "this file";
            return new SealCheck(false, false, format, null, null, null, List.of("no integrity seal found at the end"
                    + " of " + what + " (not a Backup Sentinel report, or its end was cut off or edited)"));
        }
        byte[] end = kind.end().getBytes(StandardCharsets.US_ASCII);
        int sealStart = at + kind.marker().length;
        int close = indexOf(report, end, sealStart);
        if (close < 0) {
            return failed(format, null, "the seal at the end is cut short or its last line was altered"
                    + " (line breaks changed?)");
        }
        int bodyEnd = at + 1;
        String text = new String(report, sealStart, close - sealStart, StandardCharsets.UTF_8);
        Seal seal;
        try {
            seal = Seal.parse(kind == SealKind.CSV ? unquote(text) : text);
        } catch (Seal.SealException e) {
            return failed(format, null, e.getMessage());
        }
        String sha = Digests.sha256(report, 0, bodyEnd);
        if (!seal.format().equals(format)) {
            return failed(format, seal, "the seal is for a " + seal.format() + " report, this file is " + format);
        }
        int after = report.length - close - end.length;
        boolean bodyIntact = sha.equals(seal.sha256()) && bodyEnd == seal.bytes();
        if (bodyIntact && after == 0) {
            return new SealCheck(true, true, format, sha, seal.head(), seal.asOf(), List.of());
        }
        List<String> problems = new ArrayList<>();
        if (after > 0) {
            problems.add(after + " byte(s) were added after the seal");
        }
        if (bodyIntact) {
            return new SealCheck(false, true, format, seal.sha256(), seal.head(), seal.asOf(), problems);
        }
        int located = problems.size();
        if (bodyEnd != seal.bytes()) {
            problems.add("the report's body is " + bodyEnd + " bytes, the seal says " + seal.bytes()
                    + " (bytes were added or removed)");
        }
        problems.addAll(SealLocator.alteredParts(report, bodyEnd, seal.bytes(), seal.parts(), MAX_PROBLEMS));
        if (problems.size() == located) {
            problems.add("the body's SHA-256 is " + sha + ", the seal says " + seal.sha256()
                    + (seal.parts().isEmpty() ? "" : "; every section matches, so bytes between sections were altered"));
        }
        return new SealCheck(false, true, format, seal.sha256(), seal.head(), seal.asOf(), problems);
    }

    private static SealCheck failed(String format, Seal seal, String problem) {
        return new SealCheck(false, true, format, seal == null ? null : seal.sha256(), seal == null ? null : seal.head(),
                seal == null ? null : seal.asOf(), List.of(problem));
    }

    private static String unquote(String cell) {
        if (cell.length() < 2 || cell.charAt(0) != '"' || cell.charAt(cell.length() - 1) != '"') {
            throw new Seal.SealException("the seal row was altered: its cell is not quoted");
        }
        return cell.substring(1, cell.length() - 1).replace("\"\"", "\"");
    }

    private static int indexOf(byte[] data, byte[] needle, int from) {
        outer:
        for (int i = from; i <= data.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static int lastIndexOf(byte[] data, byte[] needle) {
        outer:
        for (int i = data.length - needle.length; i >= 0; i--) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
