package io.backupsentinel.report;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * How a seal is framed at the end of each report format, so that {@link ReportSeal#verify} can find it by
 * content. The sealed digest covers exactly the bytes before the marker. Each marker follows a line break,
 * and in JSON and CSV a line break never occurs inside a value (JSON escapes it, the CSV writer writes
 * {@code \n}), so the last occurrence of the marker is the seal.
 */
public enum SealKind {
    /** The report's final member: {@code "integrity":SEAL} then {@code \n}\n}. */
    JSON("\n\"integrity\":", "\n}\n"),
    /** The CSV's last row: section {@code integrity}, then the seal in one quoted cell. */
    CSV("\nintegrity,", "\r\n"),
    /** A PDF comment line after {@code %%EOF}, which readers ignore. */
    PDF("\n% backup-sentinel-seal ", "\n");

    private final byte[] marker;
    private final String end;

    SealKind(String marker, String end) {
        this.marker = marker.getBytes(StandardCharsets.US_ASCII);
        this.end = end;
    }

    /** The bytes that open the seal; the body ends with the line break at the marker's start. */
    byte[] marker() {
        return marker;
    }

    String end() {
        return end;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The format of a report: the format whose seal marker the file holds (the seal is what is checked, so a
     * change to the first bytes is named as an alteration, not as another format), else told by the first bytes:
     * {@code %PDF-}, <code>{</code>, else CSV.
     */
    static SealKind detect(byte[] report) {
        // PDF first: its body is binary, while JSON and CSV bodies cannot hold another format's marker at a line start.
        for (SealKind kind : List.of(PDF, JSON, CSV)) {
            if (ReportSeal.lastIndexOf(report, kind.marker) >= 0) {
                return kind;
            }
        }
        if (report.length >= 5 && new String(report, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-")) {
            return PDF;
        }
        return report.length > 0 && report[0] == '{' ? JSON : CSV;
    }

    /**
     * Whether {@code report} opens as a report of this format does: CSV, {@link #detect}'s fallback, only when it
     * starts with the period report's header row, so that other text is not called a CSV report.
     */
    boolean opens(byte[] report) {
        return this != CSV || startsWith(report, CSV_HEADER);
    }

    /** The first row of every CSV report ({@code PeriodReportCsv}). */
    private static final byte[] CSV_HEADER = "section,field,value\r\n".getBytes(StandardCharsets.US_ASCII);

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length
                && java.util.Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}
