package io.backupsentinel.report.period;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
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
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    /** Rows written one after another on one generator: no flush after each. */
    private static final ObjectWriter ROW = JSON.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    private PeriodReportJson() {
    }

    /** Writes the sealed report to {@code out} (left open) and returns its SHA-256. */
    public static String write(PeriodReport report, OutputStream out) throws IOException {
        SealedOutput sealed = new SealedOutput(out);
        // One generator for the whole report (a generator per row costs more than the row); flushed at each part's
        // edges so the seal sees every part's bytes, and never flushing the file itself per row.
        try (JsonGenerator json = JSON.getFactory().createGenerator(sealed)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM)) {
            json.setRootValueSeparator(null);
            json.writeRaw("{\n\"format\":" + json(FORMAT) + ",\n");
            json.flush();
            sealed.beginPart(ReportSections.COVER);
            json.writeRaw("\"" + ReportSections.COVER + "\":");
            ROW.writeValue(json, report.cover());
            json.writeRaw(",\n");
            json.flush();
            sealed.endPart();
            for (ReportSections s : ReportSections.values()) {
                sealed.beginPart(s.label());
                json.writeRaw("\"" + s.label() + "\":[\n");
                List<? extends Record> rows = s.rows(report);
                for (int i = 0; i < rows.size(); i++) {
                    ROW.writeValue(json, rows.get(i));
                    json.writeRaw(i + 1 < rows.size() ? ",\n" : "\n");
                }
                json.writeRaw("],\n");
                json.flush();
                sealed.endPart();
            }
        }
        return sealed.seal(SealKind.JSON, report.cover().head(), report.cover().asOf());
    }

    private static String json(String s) throws JsonProcessingException {
        return JSON.writeValueAsString(s);
    }
}
