/**
 * Collects backup facts from AWS with the SDK v2: {@link io.backupsentinel.aws.AwsCollector} implements
 * {@link io.backupsentinel.inventory.BackupInventory}. The only package that imports
 * {@code software.amazon.awssdk}. Pagination, client-side rate limits, retries, assume-role and request
 * counting live here; checks never see the SDK.
 */
package io.backupsentinel.aws;
