/**
 * Plain records shared by every package: what a table is, the backup facts collected about it, and the
 * findings that rules produce. No dependencies, no I/O.
 */
package io.backupsentinel.model;
