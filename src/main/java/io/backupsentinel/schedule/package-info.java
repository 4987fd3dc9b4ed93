/**
 * The daemon's schedule on Quartz: one job collects facts on an interval, one job per rule evaluates it on
 * the rule's own schedule against the latest facts. The only package that runs a Quartz scheduler.
 */
package io.backupsentinel.schedule;
