/**
 * The one located YAML reader, shared by rule files, the config file and sandbox scenarios:
 * {@link io.backupsentinel.yaml.YamlReader} reads a file into SnakeYAML nodes that keep their line and column,
 * refusing files too large (while streaming), not UTF-8, too deeply nested or alias-bombed, and reporting
 * duplicate keys and alias cycles; {@link io.backupsentinel.yaml.YNode} and {@link io.backupsentinel.yaml.YMap}
 * read typed values with every problem collected as {@code FILE:LINE:COLUMN: key.path: message}. A leaf:
 * it imports only SnakeYAML, the JDK and {@code model.Durations}.
 */
package io.backupsentinel.yaml;
