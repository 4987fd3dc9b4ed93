package io.backupsentinel.check;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks keep no state between rule sets: no class of {@code io.backupsentinel.check} has a static field that
 * is not final, or that holds something mutable (a collection or map that can change, an array, a thread-local,
 * an atomic, a concurrent structure). What depends on parameters is made when a rule is bound instead.
 */
class NoStaticStateTest {
    @Test
    void no_class_of_the_check_package_has_mutable_static_state() throws Exception {
        List<Class<?>> classes = checkClasses();
        assertThat(classes).as("classes found").hasSizeGreaterThan(20);
        List<String> offenders = new ArrayList<>();
        for (Class<?> c : classes) {
            for (Field f : c.getDeclaredFields()) {
                // Synthetic fields are the compiler's: enum $VALUES, switch-on-enum tables.
                if (!Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) {
                    continue;
                }
                String name = c.getName() + "." + f.getName();
                if (!Modifier.isFinal(f.getModifiers())) {
                    offenders.add(name + " is not final");
                    continue;
                }
                f.setAccessible(true);
                String why = mutable(f.getType(), f.get(null));
                if (why != null) {
                    offenders.add(name + " " + why);
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void the_scan_would_see_a_static_cache() {
        assertThat(mutable(Map.class, new java.util.concurrent.ConcurrentHashMap<>())).isNotNull();
        assertThat(mutable(List.class, new ArrayList<>())).isNotNull();
        assertThat(mutable(ThreadLocal.class, new ThreadLocal<>())).isNotNull();
        assertThat(mutable(int[].class, new int[1])).isNotNull();
        assertThat(mutable(List.class, List.of("a"))).isNull();
        assertThat(mutable(Map.class, Map.of())).isNull();
    }

    /** Why a static final value of this type is mutable state, or null when it is not. */
    private static String mutable(Class<?> type, Object value) {
        if (type.isArray()) {
            return "is an array";
        }
        String pkg = type.getPackageName();
        if (ThreadLocal.class.isAssignableFrom(type) || pkg.equals("java.util.concurrent")
                || pkg.equals("java.util.concurrent.atomic") || StringBuilder.class.equals(type)) {
            return "is a " + type.getSimpleName();
        }
        if (Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)) {
            String impl = value == null ? "null" : value.getClass().getName();
            boolean unmodifiable = impl.startsWith("java.util.ImmutableCollections$")
                    || impl.startsWith("java.util.Collections$Unmodifiable")
                    || impl.startsWith("java.util.Collections$Empty")
                    || impl.startsWith("java.util.Collections$Singleton");
            return unmodifiable ? null : "is a modifiable " + impl;
        }
        return null;
    }

    private static List<Class<?>> checkClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(Check.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dir = root.resolve(Check.class.getPackageName().replace('.', '/'));
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String simple = p.getFileName().toString().replace(".class", "");
                out.add(Class.forName(Check.class.getPackageName() + "." + simple, true,
                        NoStaticStateTest.class.getClassLoader()));
            }
        }
        return out;
    }
}
