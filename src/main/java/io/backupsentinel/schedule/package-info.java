/**
 * The daemon's schedule on Quartz: per-rule triggers on each rule's own schedule, one collection job per
 * account-region shared by the rules that fire together, a trigger at the earliest finding deadline, re-checks
 * of breaching tables, and reload of the rule set. The only package that runs a Quartz scheduler.
 */
package io.backupsentinel.schedule;
