/**
 * The sandbox's world: accounts, regions and the DynamoDB and AWS Backup resources in them. Scenario files
 * fill it; protocol handlers read and change it. Entities are records; a change replaces the record in its
 * region's map. Times that move with the virtual clock (a restored table becoming ACTIVE, PITR's latest
 * restorable time) are computed from {@code now} when read, never by background threads.
 */
package io.backupsentinel.sandbox.state;
