package io.backupsentinel.report.period;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.backupsentinel.report.SealKind;
import io.backupsentinel.report.SealedOutput;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes a period report as JSON (schema: {@code /schemas/report.schema.json}) with one row per line, so that
 * {@code verify} can name the altered line: <code>{"format":…,"cover":{…},"rules":[</code> rows <code>],…,
 * "integrity":SEAL}</code>. Instants are ISO-8601 UTC, percentages plain decimals, absent values null.
 */
public final class PeriodReportJson {
    public static final String FORMAT = "backup-sentinel-period-report/1";
    private static final JsonFactory FACTORY = new JsonFactory();

    private PeriodReportJson() {
    }

    /** Writes the sealed report to {@code out} (left open) and returns its SHA-256. */
    public static String write(PeriodReport report, OutputStream out) throws IOException {
        SealedOutput sealed = new SealedOutput(out);
        // One generator for the whole report (a generator per row costs more than the row); flushed at each part's
        // edges so the seal sees every part's bytes, and never flushing the file itself per row.
        try (JsonGenerator json = FACTORY.createGenerator(sealed)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM)) {
            json.setRootValueSeparator(null);
            json.writeRaw("{\n\"format\":\"" + FORMAT + "\",\n");
            json.flush();
            sealed.beginPart(ReportSections.COVER);
            json.writeRaw("\"" + ReportSections.COVER + "\":");
            RowFields.writeJson(report.cover(), json);
            json.writeRaw(",\n");
            json.flush();
            sealed.endPart();
            for (ReportSections s : ReportSections.values()) {
                sealed.beginPart(s.label());
                json.writeRaw("\"" + s.label() + "\":[\n");
                List<? extends Record> rows = s.rows(report);
                for (int i = 0; i < rows.size(); i++) {
                    RowFields.writeJson(rows.get(i), json);
                    json.writeRaw(i + 1 < rows.size() ? ",\n" : "\n");
                }
                json.writeRaw("],\n");
                json.flush();
                sealed.endPart();
            }
        }
        return sealed.seal(SealKind.JSON, report.cover().head(), report.cover().asOf());
    }
}
