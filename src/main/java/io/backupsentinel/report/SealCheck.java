package io.backupsentinel.report;

import io.backupsentinel.report.period.Citation;

import java.time.Instant;
import java.util.List;

/**
 * What {@link ReportSeal#verify} found: {@code ok} when every byte is as sealed; else {@code problems} names
 * what was altered (the section and line where it can). {@code sealed} is false when the file ends in no seal at
 * all: it is not a report, or its end was cut off, and nothing can be said of what it once was. {@code head},
 * {@code asOf} and {@code sha256} are the seal's (null when no readable seal was found): the history record the
 * report cites and the report's digest.
 */
public record SealCheck(boolean ok, boolean sealed, String format, String sha256, Citation head, Instant asOf,
                        List<String> problems) {
    public SealCheck {
        problems = List.copyOf(problems);
    }
}
