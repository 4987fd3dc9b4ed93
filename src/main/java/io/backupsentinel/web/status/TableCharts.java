package io.backupsentinel.web.status;

import io.backupsentinel.engine.TableDetail;
import io.backupsentinel.model.Transition;
import io.backupsentinel.store.Stored;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The table page's charts (RPO age against target over time, compliance over the period), built outside the
 * page by the {@code web.chart} package: the page inserts whatever this returns in its {@code id="charts"}
 * section. Implementations are pure (no I/O, the time given) and escape every text they put in the SVG.
 */
@FunctionalInterface
public interface TableCharts {
    /**
     * @param timeline the table's newest transitions, newest first, as the page shows them
     */
    List<Chart> charts(TableDetail table, List<Stored<Transition>> timeline, Instant now);

    /** No charts: the section says none is available. */
    TableCharts NONE = (table, timeline, now) -> List.of();

    /** One chart: its title (the figure's caption) and the SVG markup, inserted as is. */
    record Chart(String title, String svg) {
        public Chart {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(svg, "svg");
        }
    }
}
