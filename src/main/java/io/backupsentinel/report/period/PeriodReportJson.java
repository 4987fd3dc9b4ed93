package io.backupsentinel.report.period;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.backupsentinel.report.SealKind;
import io.backupsentinel.report.SealedOutput;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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

    private PeriodReportJson() {
    }

    /** Writes the sealed report to {@code out} (left open) and returns its SHA-256. */
    public static String write(PeriodReport report, OutputStream out) throws IOException {
        SealedOutput sealed = new SealedOutput(out);
        sealed.write(("{\n\"format\":" + json(FORMAT) + ",\n").getBytes(StandardCharsets.UTF_8));
        sealed.beginPart(ReportSections.COVER);
        sealed.write(("\"" + ReportSections.COVER + "\":").getBytes(StandardCharsets.UTF_8));
        sealed.write(JSON.writeValueAsBytes(report.cover()));
        sealed.write(",\n".getBytes(StandardCharsets.UTF_8));
        sealed.endPart();
        for (ReportSections s : ReportSections.values()) {
            sealed.beginPart(s.label());
            sealed.write(("\"" + s.label() + "\":[\n").getBytes(StandardCharsets.UTF_8));
            List<? extends Record> rows = s.rows(report);
            for (int i = 0; i < rows.size(); i++) {
                sealed.write(JSON.writeValueAsBytes(rows.get(i)));
                sealed.write(i + 1 < rows.size() ? ",\n".getBytes(StandardCharsets.UTF_8) : "\n".getBytes(StandardCharsets.UTF_8));
            }
            sealed.write("],\n".getBytes(StandardCharsets.UTF_8));
            sealed.endPart();
        }
        return sealed.seal(SealKind.JSON, report.cover().head(), report.cover().asOf());
    }

    private static String json(String s) throws JsonProcessingException {
        return JSON.writeValueAsString(s);
    }
}
