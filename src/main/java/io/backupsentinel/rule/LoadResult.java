package io.backupsentinel.rule;

import java.util.List;
import java.util.Objects;

/**
 * What loading a rule directory gave: either a complete, valid {@link RuleSet} or every error found, never
 * both, so a caller cannot apply half a set.
 */
public final class LoadResult {
    private final RuleSet ruleSet;
    private final List<RuleError> errors;

    private LoadResult(RuleSet ruleSet, List<RuleError> errors) {
        this.ruleSet = ruleSet;
        this.errors = List.copyOf(errors);
    }

    static LoadResult valid(RuleSet ruleSet) {
        return new LoadResult(Objects.requireNonNull(ruleSet), List.of());
    }

    static LoadResult invalid(List<RuleError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid result needs at least one error");
        }
        return new LoadResult(null, errors);
    }

    public boolean isValid() {
        return ruleSet != null;
    }

    /** The loaded rules; throws IllegalStateException naming the first error when the set was invalid. */
    public RuleSet ruleSet() {
        if (ruleSet == null) {
            throw new IllegalStateException("the rule set is invalid (" + errors.size() + " errors), first: "
                    + errors.get(0));
        }
        return ruleSet;
    }

    /** Every error, in file order then position order; empty when valid. */
    public List<RuleError> errors() {
        return errors;
    }

    /** The errors as {@code validate} prints them, one a line. */
    public List<String> errorLines() {
        return errors.stream().map(RuleError::toString).toList();
    }
}
