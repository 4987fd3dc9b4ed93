/**
 * Writers of findings and audit results for people and programs: JSON, CSV and a text table. They take
 * plain {@code model} records, so {@code cli}, {@code web} and period reports print a finding the same way.
 */
package io.backupsentinel.report;
