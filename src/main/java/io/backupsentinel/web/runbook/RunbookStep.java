package io.backupsentinel.web.runbook;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One way to recover a table (or the checks after a restore), as the table page shows it: a title, when to
 * choose it and what it restores, the facts it rests on, and the exact commands. An unavailable step's
 * explanation says why (PITR disabled, no backup, facts not collected); its commands, if any, only read (how to
 * check the source by hand), never restore.
 *
 * @param kind        which recovery source the step uses
 * @param title       a short heading, e.g. "Point-in-time recovery"
 * @param available   whether the step can be followed now
 * @param explanation when to choose it, what it restores and its caveats; or why it is unavailable
 * @param details     facts the commands were filled from (times, ARNs, vault, role), in display order
 * @param commands    the AWS CLI commands, in the order to run them
 * @param notes       further plain-text instructions (checks, caveats) after the commands
 */
public record RunbookStep(Kind kind, String title, boolean available, String explanation, List<Detail> details,
                          List<CliCommand> commands, List<String> notes) {
    /** The recovery source of a step; {@link #AFTER_RESTORE} is the checks that follow any of them. */
    public enum Kind { PITR, ON_DEMAND_BACKUP, AWS_BACKUP, EXPORT, AFTER_RESTORE }

    /**
     * One fact shown beside a step. {@code time} is set when the value is an instant, so the page can render a
     * {@code <time>} element; {@code text} is then its UTC form.
     */
    public record Detail(String label, String text, Instant time) {
        public Detail {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(text, "text");
        }

        static Detail text(String label, String text) {
            return new Detail(label, text, null);
        }

        static Detail time(String label, Instant at) {
            return new Detail(label, Times.iso(at), at);
        }
    }

    public RunbookStep {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(explanation, "explanation");
        details = List.copyOf(details);
        commands = List.copyOf(commands);
        notes = List.copyOf(notes);
    }

    static RunbookStep unavailable(Kind kind, String title, String why, CliCommand... checks) {
        return new RunbookStep(kind, title, false, why, List.of(), List.of(checks), List.of());
    }
}
