package io.backupsentinel.report.period;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One EXEMPT interval of a (rule, table) that overlaps the period, with the exemption's reason, approver and
 * expiry date as the engine wrote them into the finding ({@code "exempt until DATE, approved by WHO: WHY;
 * without it: STATUS: …"}). {@code state}: {@link State#IN_FORCE} when still EXEMPT at the period's end,
 * {@link State#EXPIRED} when it ended on its expiry instant or later, {@link State#ENDED} when it ended earlier
 * (exemption removed, table left the rule's scope). {@code statusWithout} is what the table would have been
 * without it, as written at the start of the interval. {@code secondsInPeriod} counts whole seconds as
 * {@link RuleTableTime} does, so a pair's exemptions add up to its {@code exemptSeconds}.
 */
public record ExemptionPeriod(String rule, String account, String region, String table, String approver,
                              String reason, LocalDate expires, Instant start, Instant end, State state,
                              long secondsInPeriod, String statusWithout, Citation opened, Citation closed) {
    /** What became of the exemption by the period's end. */
    public enum State { IN_FORCE, EXPIRED, ENDED }
}
