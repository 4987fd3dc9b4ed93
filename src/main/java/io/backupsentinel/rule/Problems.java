package io.backupsentinel.rule;

import io.backupsentinel.yaml.Text;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Collects every error of one load, so that validation can go on after the first and the user sees them all.
 * Errors come out grouped by file (in load order), then by position.
 */
final class Problems {
    private static final int MESSAGE = 600;
    private final List<RuleError> errors = new ArrayList<>();
    private final List<String> fileOrder = new ArrayList<>();

    /** The sink for errors in one file. */
    InFile in(String file) {
        if (!fileOrder.contains(file)) {
            fileOrder.add(file);
        }
        return new InFile(file);
    }

    void add(RuleError error) {
        // A value echoed in a message (a 1 MB rule name, say) is cut so that the error stays readable.
        error = new RuleError(error.file(), error.line(), error.column(),
                error.rule() == null ? null : Text.clip(error.rule()), Text.clip(error.message(), MESSAGE));
        if (!fileOrder.contains(error.file())) {
            fileOrder.add(error.file());
        }
        errors.add(error);
    }

    int count() {
        return errors.size();
    }

    List<RuleError> sorted() {
        Map<String, Integer> rank = fileOrder.stream()
                .collect(Collectors.toMap(Function.identity(), fileOrder::indexOf));
        return errors.stream()
                .sorted(Comparator.<RuleError>comparingInt(e -> rank.get(e.file()))
                        .thenComparingInt(RuleError::line)
                        .thenComparingInt(RuleError::column))
                .toList();
    }

    /** Errors of one file; positions come from YAML nodes (SnakeYAML marks are 0-based, ours 1-based). */
    final class InFile {
        private final String file;

        private InFile(String file) {
            this.file = file;
        }

        String file() {
            return file;
        }

        void at(Node node, String rule, String message) {
            at(node.getStartMark(), rule, message);
        }

        void at(Mark mark, String rule, String message) {
            Problems.this.add(new RuleError(file, mark.getLine() + 1, mark.getColumn() + 1, rule, message));
        }

        /** A problem found by the YAML reader, at a 1-based line and column (0 for the whole file). */
        void add(int line, int column, String message) {
            Problems.this.add(new RuleError(file, line, column, null, message));
        }

        void whole(String message) {
            Problems.this.add(new RuleError(file, 0, 0, null, message));
        }

        int count() {
            return Problems.this.count();
        }
    }
}
