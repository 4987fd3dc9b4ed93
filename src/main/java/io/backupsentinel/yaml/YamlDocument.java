package io.backupsentinel.yaml;

import org.yaml.snakeyaml.nodes.Node;

import java.util.Optional;

/**
 * A YAML file as read: its root node when it could be parsed and is not empty, and the sink holding every
 * problem found so far (syntax, encoding, size, duplicate keys, alias cycles), to which readers add theirs.
 */
public record YamlDocument(Node rootNode, Problems problems) {
    /** The root node; empty when the file is empty, comment-only, or could not be read. */
    public Optional<Node> root() {
        return Optional.ofNullable(rootNode);
    }

    /** The root as a located node with an empty path, for the typed accessors. */
    public Optional<YNode> rootYNode() {
        return root().map(n -> new YNode(n, "", problems));
    }

    /** Whether the file could be parsed at all: it exists, is small enough, is UTF-8 and is valid YAML. */
    public boolean parsed() {
        return rootNode != null;
    }
}
