package io.backupsentinel.report;

import io.backupsentinel.model.Finding;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Findings as RFC 4180 CSV with the contract's header. Every cell goes through {@link SpreadsheetSafe}:
 * table names and messages come from AWS and must never run as spreadsheet formulas.
 */
public final class FindingCsv {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader(FindingFields.COLUMNS.toArray(String[]::new)).get();

    private FindingCsv() {
    }

    /** Writes the header and one row per finding; flushes, and leaves {@code out} open. */
    public static void write(List<Finding> findings, Writer out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, FORMAT);
        for (Finding f : findings) {
            printer.printRecord(SpreadsheetSafe.cells(FindingFields.values(f).toArray(String[]::new)));
        }
        printer.flush();
    }
}
