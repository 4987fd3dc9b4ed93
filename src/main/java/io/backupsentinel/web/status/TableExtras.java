package io.backupsentinel.web.status;

import io.backupsentinel.engine.TableDetail;
import io.backupsentinel.model.Transition;
import io.backupsentinel.store.Stored;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The table page's recovery runbook and charts, built outside the page (package {@code web.runbook} and
 * {@code web.chart}): the page renders whatever this returns in its {@code id="runbook"} section and its chart
 * slot. Implementations are pure: no I/O, the time given.
 */
public interface TableExtras {
    /** The restore runbook of the table: steps in order, each with an exact command. */
    List<RunbookStep> runbook(TableDetail table, Instant now);

    /**
     * Charts of the table, each an SVG document that its builder has escaped (the page inserts it as is).
     *
     * @param timeline the table's newest transitions, newest first
     */
    List<Chart> charts(TableDetail table, List<Stored<Transition>> timeline, Instant now);

    /** No runbook and no charts: the page says so in their sections. */
    TableExtras NONE = new TableExtras() {
        @Override
        public List<RunbookStep> runbook(TableDetail table, Instant now) {
            return List.of();
        }

        @Override
        public List<Chart> charts(TableDetail table, List<Stored<Transition>> timeline, Instant now) {
            return List.of();
        }
    };

    /** One runbook step: what it does, why, and the command to copy (null for a step without one). */
    record RunbookStep(String title, String explanation, String command) {
        public RunbookStep {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(explanation, "explanation");
        }
    }

    /** One chart: its title (also its accessible name) and the SVG markup. */
    record Chart(String title, String svg) {
        public Chart {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(svg, "svg");
        }
    }
}
