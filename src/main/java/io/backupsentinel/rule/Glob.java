package io.backupsentinel.rule;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A name pattern where {@code *} matches any run of characters and {@code ?} exactly one; everything else is
 * literal. Matching is case-sensitive, as AWS names and tags are.
 */
public final class Glob {
    /** What a glob may contain, per kind of name it matches (AWS's own character sets plus the two wildcards). */
    public enum Kind {
        ACCOUNT("an account", "[0-9*?]+", "digits"),
        REGION("a region", "[a-z0-9*?-]+", "a-z, 0-9 and '-'"),
        TABLE("a table-name", "[A-Za-z0-9_.*?-]+", "a-z, A-Z, 0-9, '_', '-' and '.'"),
        TAG_VALUE("a tag-value", "(?s).*", "any characters");

        private final String noun;
        private final Pattern allowed;
        private final String charset;

        Kind(String noun, String allowed, String charset) {
            this.noun = noun;
            this.allowed = Pattern.compile(allowed);
            this.charset = charset;
        }
    }

    private final String pattern;
    private final Pattern regex;
    /** "*" matches every value and a pattern without wildcards only itself: both skip the regex, which scope
     *  checks on every table of a fleet would otherwise run. */
    private final boolean any;
    private final boolean literal;

    public Glob(String pattern) {
        if (pattern == null) {
            throw new IllegalArgumentException("a glob needs a pattern");
        }
        this.pattern = pattern;
        this.regex = toRegex(pattern);
        this.any = pattern.equals("*");
        this.literal = pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0;
    }

    public String pattern() {
        return pattern;
    }

    public boolean matches(String value) {
        if (value == null) {
            return false;
        }
        if (any) {
            return true;
        }
        return literal ? pattern.equals(value) : regex.matcher(value).matches();
    }

    /** Why {@code text} is not a well-formed glob of this kind, or empty when it is. */
    static Optional<String> problem(String text, Kind kind) {
        if (kind != Kind.TAG_VALUE && text.isEmpty()) {
            return Optional.of("an empty pattern matches nothing; use \"*\" for any");
        }
        if (text.matches(".*[\\[\\]{}].*") && kind != Kind.TAG_VALUE) {
            return Optional.of("'" + text + "' is not " + kind.noun + " glob: only * and ? are wildcards"
                    + " ([...] and {...} are not supported)");
        }
        if (!kind.allowed.matcher(text).matches()) {
            return Optional.of("'" + text + "' is not " + kind.noun + " glob: names use only " + kind.charset
                    + ", plus the wildcards * and ?");
        }
        return Optional.empty();
    }

    private static Pattern toRegex(String pattern) {
        StringBuilder out = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    out.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                out.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            out.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(out.toString(), Pattern.DOTALL);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Glob g && g.pattern.equals(pattern);
    }

    @Override
    public int hashCode() {
        return pattern.hashCode();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
