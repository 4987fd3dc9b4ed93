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
        // A generator for the report's frame and one per chunk of rows (RowChunks), not per row, which costs more
        // than the row; flushed at each part's edges so the seal sees every part's bytes, and never flushing the
        // file itself per row.
        try (RowChunks chunks = new RowChunks(); JsonGenerator json = generator(sealed)) {
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
                json.flush();
                List<? extends Record> rows = s.rows(report);
                chunks.write(rows.size(), (from, to, size, bytes) -> {
                    try (JsonGenerator rowJson = generator(bytes)) {
                        for (int i = from; i < to; i++) {
                            RowFields.writeJson(rows.get(i), rowJson);
                            rowJson.writeRaw(i + 1 < size ? ",\n" : "\n");
                        }
                    }
                }, sealed);
                json.writeRaw("],\n");
                json.flush();
                sealed.endPart();
            }
        }
        return sealed.seal(SealKind.JSON, report.cover().head(), report.cover().asOf());
    }

    /** A generator that writes values one after another with nothing between them, and leaves {@code out} open. */
    private static JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator json = FACTORY.createGenerator(out)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
        json.setRootValueSeparator(null);
        return json;
    }
}
