package io.backupsentinel.check;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Compiled regular expressions for the globs and ARN patterns that checks match on every table. The same few
 * patterns (rule parameters, plan selections) recur for every table of a fleet, and compiling one costs far
 * more than matching it, so each is compiled once. Bounded: a daemon whose plans keep changing cannot grow
 * it without limit.
 */
final class CompiledPatterns {
    private static final int MAX_ENTRIES = 4096;

    private final Map<String, Pattern> cache = new ConcurrentHashMap<>();
    private final Function<String, Pattern> compiler;

    CompiledPatterns(Function<String, Pattern> compiler) {
        this.compiler = compiler;
    }

    Pattern of(String source) {
        Pattern p = cache.get(source);
        if (p == null) {
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            p = compiler.apply(source);
            cache.put(source, p);
        }
        return p;
    }
}
