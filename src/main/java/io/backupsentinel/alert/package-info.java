/**
 * Paging: turns finding transitions into PagerDuty Events API v2 events ({@link io.backupsentinel.alert.AlertPolicy}),
 * which the engine writes to the history's outbox in the same transaction as the transitions, and delivers them
 * from the outbox with retries ({@link io.backupsentinel.alert.Dispatcher}). The routing key is added only at
 * send time, so the database never holds it.
 */
package io.backupsentinel.alert;
