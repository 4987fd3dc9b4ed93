/**
 * Rule files to immutable records. {@link io.backupsentinel.rule.RuleLoader} reads a directory of YAML rule
 * files and validates them in layers (YAML syntax, structure, schema, meaning), reporting every error as
 * {@code FILE:LINE:COLUMN: rule NAME: message}; only a wholly valid set becomes a
 * {@link io.backupsentinel.rule.RuleSet}. The JSON Schema for editors, the IAM policy and the README's rule
 * reference are generated here from the {@link io.backupsentinel.check.CheckRegistry}.
 */
package io.backupsentinel.rule;
