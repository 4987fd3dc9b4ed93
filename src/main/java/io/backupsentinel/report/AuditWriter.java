package io.backupsentinel.report;

import io.backupsentinel.model.AuditResult;

import java.io.IOException;
import java.io.Writer;

/** Prints one audit's result in the format asked for: the single entry point of {@code audit --format}. */
public final class AuditWriter {
    private AuditWriter() {
    }

    /** Writes {@code result} to {@code out} and flushes; {@code out} stays open (it may be standard output). */
    public static void write(AuditResult result, AuditFormat format, Writer out) throws IOException {
        switch (format) {
            case json -> AuditJson.write(result, out);
            case csv -> FindingCsv.write(result.findings(), out);
            case text -> AuditText.write(result, out);
        }
        out.flush();
    }
}
