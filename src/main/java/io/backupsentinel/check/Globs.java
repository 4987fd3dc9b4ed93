package io.backupsentinel.check;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Case-sensitive globs as rule parameters and AWS tag conditions write them: {@code *} is any run of
 * characters (also none), {@code ?} exactly one; everything else is literal.
 */
public final class Globs {
    private static final CompiledPatterns PATTERNS =
            new CompiledPatterns(glob -> Pattern.compile(toRegex(glob), Pattern.DOTALL));

    private Globs() {
    }

    public static boolean matches(String glob, String text) {
        if (glob == null || text == null) {
            return false;
        }
        return PATTERNS.of(glob).matcher(text).matches();
    }

    /** True when {@code globs} is empty (no restriction) or one of them matches. */
    public static boolean matchesAnyOrNone(List<String> globs, String text) {
        if (globs.isEmpty()) {
            return true;
        }
        for (String g : globs) {
            if (matches(g, text)) {
                return true;
            }
        }
        return false;
    }

    private static String toRegex(String glob) {
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    re.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                re.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            re.append(Pattern.quote(literal.toString()));
        }
        return re.toString();
    }
}
