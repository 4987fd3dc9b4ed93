package io.backupsentinel.report.period;

import io.backupsentinel.report.pdf.PdfReport;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * The formats a period report is written in, with their media type and file extension; each is sealed with
 * {@link io.backupsentinel.report.ReportSeal}. PDF is laid out by {@link PdfReport} from the same {@link PeriodReport}.
 */
public enum ReportFormat {
    JSON("application/json", "json"),
    CSV("text/csv; charset=utf-8", "csv"),
    PDF("application/pdf", "pdf");

    private final String mediaType;
    private final String extension;

    ReportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The format named {@code name} (case-insensitive), if this package writes it. */
    public static Optional<ReportFormat> named(String name) {
        for (ReportFormat f : values()) {
            if (f.extension.equals(name == null ? null : name.toLowerCase(Locale.ROOT))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Writes the sealed report to {@code out} (left open) and returns its SHA-256. */
    public String write(PeriodReport report, OutputStream out) throws IOException {
        return switch (this) {
            case JSON -> PeriodReportJson.write(report, out);
            case CSV -> PeriodReportCsv.write(report, out);
            case PDF -> PdfReport.write(report, out);
        };
    }
}
