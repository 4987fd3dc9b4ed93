/**
 * One audit: pick the account-regions the rules reach, collect their facts, evaluate every rule on every
 * table in its scope, and return the findings. Evaluation is pure and separate from collection, so the
 * daemon can re-evaluate time-based rules between collections without calling AWS.
 */
package io.backupsentinel.engine;
