package io.backupsentinel.web.runbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command line through a real bash, with {@code printf '%s\0'} in place of the program, and returns the
 * argv bash produced: what {@code aws} would have received had the line been pasted into a terminal.
 */
final class Argv {
    private Argv() {
    }

    static List<String> ofLine(String line) {
        try {
            Process p = new ProcessBuilder("bash", "--noprofile", "--norc", "-c", "printf '%s\\0' " + line)
                    .redirectErrorStream(true).start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            p.getInputStream().transferTo(out);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("bash failed on: " + line + "\n" + out.toString(StandardCharsets.UTF_8));
            }
            String all = out.toString(StandardCharsets.UTF_8);
            List<String> words = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < all.length(); i++) {
                if (all.charAt(i) == '\0') {
                    words.add(all.substring(start, i));
                    start = i + 1;
                }
            }
            return words;
        } catch (IOException e) {
            throw new AssertionError("cannot run bash", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
