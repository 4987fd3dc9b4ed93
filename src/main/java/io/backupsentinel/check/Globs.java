package io.backupsentinel.check;

import java.util.List;

/**
 * Case-sensitive globs as rule parameters and AWS tag conditions write them: {@code *} is any run of
 * characters (also none), {@code ?} exactly one; everything else is literal.
 *
 * <p>Matched directly, without a regular expression: a glob is matched against every table of a fleet, and
 * compiling a pattern costs far more than matching it, so a regex would need a cache of compiled patterns,
 * which is shared mutable state. The direct match allocates nothing.
 */
public final class Globs {
    private Globs() {
    }

    public static boolean matches(String glob, String text) {
        if (glob == null || text == null) {
            return false;
        }
        return match(glob, text, true, true);
    }

    /** True when {@code globs} is empty (no restriction) or one of them matches. */
    public static boolean matchesAnyOrNone(List<String> globs, String text) {
        if (globs.isEmpty()) {
            return true;
        }
        for (int i = 0; i < globs.size(); i++) {
            if (matches(globs.get(i), text)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code pattern} matches the whole of {@code text}. {@code *} matches any run of characters, or
     * only of non-whitespace ones when {@code starSpansWhitespace} is false (AWS Backup's resource ARN
     * wildcard); {@code ?} matches one character when {@code question} is true and is literal otherwise.
     *
     * <p>The classic greedy walk: a mismatch lets the last {@code *} take one more character and retries.
     * Taking more with an earlier star never helps (the later star could take the same characters), so the
     * walk is linear in practice and needs no backtracking stack. Where a star may not span whitespace and
     * there is no {@code ?}, a whitespace character the last star would have to take cannot be taken by an
     * earlier star either (the literals between them would have to cover it, and they were placed at their
     * leftmost fit), so the match fails there.
     */
    static boolean match(String pattern, String text, boolean question, boolean starSpansWhitespace) {
        int p = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        int plen = pattern.length();
        int tlen = text.length();
        while (t < tlen) {
            char pc = p < plen ? pattern.charAt(p) : 0;
            if (p < plen && pc != '*' && (pc == text.charAt(t) || (question && pc == '?'))) {
                p++;
                t++;
            } else if (p < plen && pc == '*') {
                star = p++;
                mark = t;
            } else if (star >= 0) {
                if (!starSpansWhitespace && Character.isWhitespace(text.charAt(mark))) {
                    return false;
                }
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < plen && pattern.charAt(p) == '*') {
            p++;
        }
        return p == plen;
    }
}
