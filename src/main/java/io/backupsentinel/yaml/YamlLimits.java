package io.backupsentinel.yaml;

/**
 * How much a YAML file may hold before it is refused unread: its size in bytes (counted while streaming, so a
 * huge file costs no more than the limit to reject), the nesting depth of collections, and the number of aliases
 * to collections (which would otherwise let a small file expand into a huge one, "billion laughs").
 *
 * @param maxBytes   the largest file accepted
 * @param maxDepth   the deepest nesting of mappings and lists
 * @param maxAliases the most aliases ({@code *name}) to mappings or lists in one file
 */
public record YamlLimits(int maxBytes, int maxDepth, int maxAliases) {
    private static final int MB = 1024 * 1024;

    /** Rule files: 3 MB, the limit SnakeYAML applied by default (after reading the whole line). */
    public static final YamlLimits RULES = new YamlLimits(3 * MB, 50, 50);
    /** The config file: a few hundred lines at most in practice. */
    public static final YamlLimits CONFIG = new YamlLimits(MB, 30, 20);
    /** Sandbox scenario files and fault documents; large fleets are generated, not written out. */
    public static final YamlLimits SCENARIO = new YamlLimits(16 * MB, 50, 50);

    public YamlLimits {
        if (maxBytes < 1 || maxDepth < 1 || maxAliases < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** The size limit in words, e.g. "1 MB". */
    public String sizeText() {
        return maxBytes % MB == 0 ? maxBytes / MB + " MB" : maxBytes + " bytes";
    }
}
