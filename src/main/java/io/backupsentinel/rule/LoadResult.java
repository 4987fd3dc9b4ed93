package io.backupsentinel.rule;

import java.util.List;
import java.util.Objects;

/**
 * What loading a rule directory gave: either a complete, valid {@link RuleSet} or every error found, never
 * both, so a caller cannot apply half a set; and in either case the warnings (entries skipped, files that define
 * nothing), which do not stop the set from being applied but must not pass in silence.
 */
public final class LoadResult {
    private final RuleSet ruleSet;
    private final List<RuleError> errors;
    private final List<RuleError> warnings;

    private LoadResult(RuleSet ruleSet, List<RuleError> errors, List<RuleError> warnings) {
        this.ruleSet = ruleSet;
        this.errors = List.copyOf(errors);
        this.warnings = List.copyOf(warnings);
    }

    static LoadResult valid(RuleSet ruleSet) {
        return new LoadResult(Objects.requireNonNull(ruleSet), List.of(), List.of());
    }

    static LoadResult invalid(List<RuleError> errors) {
        return invalid(errors, List.of());
    }

    static LoadResult invalid(List<RuleError> errors, List<RuleError> warnings) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid result needs at least one error");
        }
        return new LoadResult(null, errors, warnings);
    }

    LoadResult withWarnings(List<RuleError> more) {
        return new LoadResult(ruleSet, errors, more);
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

    /** What was skipped or defines nothing; present whether or not the set is valid. */
    public List<RuleError> warnings() {
        return warnings;
    }

    /** The warnings as the commands print them: {@code FILE: warning: message}, one a line. */
    public List<String> warningLines() {
        return warnings.stream().map(RuleError::asWarning).toList();
    }
}
