/**
 * The sandbox's AWS Backup service: the restJson1 read API over plans, selections, vaults, recovery
 * points, protected resources, backup/copy/restore jobs and restore testing, with the model's paths,
 * query parameters, paging, filters and error shapes, so that the unmodified AWS SDKs and CLI talk to it
 * as to AWS. See docs/sandbox-backup.md.
 */
package io.backupsentinel.sandbox.backup;
