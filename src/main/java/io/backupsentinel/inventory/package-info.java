/** The seam between the audit and wherever facts come from: AWS through the SDK, or a fake in tests. */
package io.backupsentinel.inventory;
