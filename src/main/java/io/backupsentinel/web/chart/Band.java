package io.backupsentinel.web.chart;

import java.util.List;
import java.util.Objects;

/** One row of the compliance timeline: a label (a rule's name) and its status intervals, in time order. */
public record Band(String label, List<Interval> intervals) {
    public Band {
        Objects.requireNonNull(label, "label");
        intervals = List.copyOf(intervals);
    }
}
