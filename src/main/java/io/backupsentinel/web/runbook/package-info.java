/**
 * Recovery runbooks: for one table, the exact AWS CLI commands that restore it from each recovery source the
 * facts show (PITR, on-demand backup, AWS Backup recovery point, export to S3), shell-safe and filled in with
 * real ARNs, names and times, then the checks after a restore. Pure values for the status page to render; the
 * entry point is {@link io.backupsentinel.web.runbook.Runbook#of}.
 */
package io.backupsentinel.web.runbook;
