package io.backupsentinel.rule;

import org.yaml.snakeyaml.nodes.Node;

/** A position in a rule file, for records that say where they were defined and for errors naming a second place. */
public record Where(String file, int line, int column) {

    static Where of(String file, Node node) {
        return new Where(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
