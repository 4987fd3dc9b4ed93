package io.backupsentinel.web.runbook;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Quotes words for a POSIX shell, so a runbook command pastes into bash or zsh and runs with exactly the argv
 * it shows, whatever a table name, tag or S3 prefix contains. A word of only safe characters stays bare (ARNs
 * and names read as AWS prints them); anything else goes in single quotes, where no character is special, and
 * each single quote inside becomes {@code '\''}.
 */
public final class ShellWords {
    // No globbing, expansion, word splitting or history characters: '=' is safe after the first word, ':' and
    // '/' in ARNs, '%' and '+' in URL-ish values, ',' in AWS shorthand. '~' and '#' start tilde/comments: quoted.
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ShellWords() {
    }

    /** One word, quoted only when it has to be. The empty word becomes {@code ''}. */
    public static String quote(String word) {
        if (SAFE.matcher(word).matches()) {
            return word;
        }
        return singleQuoted(word);
    }

    private static String singleQuoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /**
     * The words joined by single spaces, each quoted as {@link #quote(String)} does; a first word with '=' is
     * quoted too, or the shell would read it as a variable assignment instead of the program to run.
     */
    public static String join(List<String> words) {
        StringBuilder out = new StringBuilder();
        for (String w : words) {
            if (out.isEmpty()) {
                out.append(w.contains("=") ? singleQuoted(w) : quote(w));
            } else {
                out.append(' ').append(quote(w));
            }
        }
        return out.toString();
    }
}
