package io.backupsentinel.report.period;

import io.backupsentinel.report.SealKind;
import io.backupsentinel.report.SealedOutput;
import io.backupsentinel.report.SpreadsheetSafe;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a period report as one CSV file (RFC 4180, UTF-8, CRLF) of sections, each a block: a header row
 * whose first cell is {@code section}, then that section's rows whose first cell is the section's name
 * ({@code cover}, {@code rules}, {@code frameworks}, {@code times}, {@code violations}, {@code exemptions},
 * {@code restore_tests}, {@code changes}, {@code storage}), so a spreadsheet filters a section on column A.
 * The cover is {@code cover,FIELD,VALUE} rows. No cell starts a formula ({@link SpreadsheetSafe}), and a line
 * break inside a value is written as the two characters {@code \n} so each line is one row. The last row is
 * {@code integrity,SEAL}.
 */
public final class PeriodReportCsv {
    private PeriodReportCsv() {
    }

    /** Writes the sealed report to {@code out} (left open) and returns its SHA-256. */
    public static String write(PeriodReport report, OutputStream out) throws IOException {
        SealedOutput sealed = new SealedOutput(out);
        // Buffered: commons-csv appends cell by cell, and each append to the encoder itself is a locked call.
        Writer text = new java.io.BufferedWriter(new OutputStreamWriter(sealed, StandardCharsets.UTF_8), 1 << 16);
        CSVPrinter csv = new CSVPrinter(text, CSVFormat.RFC4180);
        sealed.beginPart(ReportSections.COVER);
        csv.printRecord("section", "field", "value");
        List<String> names = RowFields.columns(ReportCover.class);
        List<String> values = RowFields.values(report.cover());
        for (int i = 0; i < names.size(); i++) {
            print(csv, List.of(ReportSections.COVER, names.get(i)), values.get(i) == null ? List.of("") : List.of(values.get(i)));
        }
        csv.flush();
        text.flush();
        sealed.endPart();
        try (RowChunks chunks = new RowChunks()) {
            for (ReportSections s : ReportSections.values()) {
                sealed.beginPart(s.label());
                List<String> header = new ArrayList<>();
                header.add("section");
                header.addAll(RowFields.columns(s.type()));
                csv.printRecord(header);
                csv.flush();
                text.flush();
                List<? extends Record> rows = s.rows(report);
                // Each chunk of rows its own printer: a record's text depends on nothing printed before it.
                chunks.write(rows.size(), (from, to, size, bytes) -> {
                    Writer chunkText = new java.io.BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), 1 << 13);
                    CSVPrinter chunk = new CSVPrinter(chunkText, CSVFormat.RFC4180);
                    List<String> lead = List.of(s.label());
                    for (int i = from; i < to; i++) {
                        print(chunk, lead, RowFields.values(rows.get(i)));
                    }
                    chunk.flush();
                }, sealed);
                sealed.endPart();
            }
        }
        return sealed.seal(SealKind.CSV, report.cover().head(), report.cover().asOf());
    }

    /** A line break inside a value as the two characters {@code \\n} (and {@code \\r}), so each line is one row. */
    private static String oneLine(String v) {
        return v.indexOf('\n') < 0 && v.indexOf('\r') < 0 ? v : v.replace("\r", "\\r").replace("\n", "\\n");
    }

    private static void print(CSVPrinter csv, List<String> lead, List<String> values) throws IOException {
        List<String> cells = new ArrayList<>(lead);
        for (String v : values) {
            cells.add(v == null ? "" : SpreadsheetSafe.cell(oneLine(v)));
        }
        csv.printRecord(cells);
    }
}
