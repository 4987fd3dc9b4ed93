/**
 * Period audit reports: the model ({@link io.backupsentinel.report.period.PeriodReport} and its section records),
 * built from the history's transitions and posture changes for a period {@code [from, to)} and a scope, and
 * its JSON and CSV writers. Rule metadata comes in as {@link io.backupsentinel.report.period.RuleInfo} records.
 */
package io.backupsentinel.report.period;
