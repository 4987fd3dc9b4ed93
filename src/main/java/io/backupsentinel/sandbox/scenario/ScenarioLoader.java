package io.backupsentinel.sandbox.scenario;

import io.backupsentinel.yaml.YMap;
import io.backupsentinel.yaml.YNode;
import io.backupsentinel.yaml.Problems;
import io.backupsentinel.yaml.YamlDocument;
import io.backupsentinel.yaml.YamlLimits;
import io.backupsentinel.yaml.YamlReader;
import io.backupsentinel.sandbox.fault.FaultPlan;

import io.backupsentinel.sandbox.state.VirtualClock;
import io.backupsentinel.sandbox.state.World;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Loads a scenario file (YAML, see docs/scenarios.md) into a {@link World}. Relative times ({@code -3h})
 * resolve against the clock's now, read once; a top-level {@code now:} first sets the clock. Every error of
 * the file is collected and thrown together as a {@link ScenarioException}, each as FILE:LINE:COLUMN: PATH:
 * MESSAGE; nothing is returned from a file with errors.
 */
public final class ScenarioLoader {
    /** The bundled scenario that shows every status (classpath {@code scenarios/demo.yml}). */
    public static final String DEMO = "demo.yml";

    private ScenarioLoader() {
    }

    public static Scenario load(Path file, VirtualClock clock) {
        return load(YamlReader.read(file, file.getFileName().toString(), YamlLimits.SCENARIO), clock);
    }

    /** Loads a bundled scenario by file name, e.g. {@code demo.yml} or {@code fleet-10k.yml}. */
    public static Scenario loadBundled(String name, VirtualClock clock) {
        InputStream in = ScenarioLoader.class.getResourceAsStream("/scenarios/" + name);
        if (in == null) {
            throw new IllegalArgumentException("no bundled scenario '" + name + "'");
        }
        try (in) {
            return load(YamlReader.read(in, name, YamlLimits.SCENARIO), clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Scenario demo(VirtualClock clock) {
        return loadBundled(DEMO, clock);
    }

    /**
     * Reads a document that is a scenario's {@code faults:} section on its own (YAML or JSON), e.g. to
     * change the faults of a running sandbox; errors name the line and column like a scenario's.
     */
    public static FaultPlan readFaults(String name, Reader reader) {
        YamlDocument doc = YamlReader.read(reader, name, YamlLimits.SCENARIO);
        Problems problems = doc.problems();
        if (!doc.parsed()) {
            throwIfAny(problems);
            return FaultPlan.NONE;
        }
        FaultPlan plan = FaultReader.read(new YNode(doc.rootNode(), "faults", problems), 1L);
        throwIfAny(problems);
        return plan;
    }

    /** Loads from a reader; {@code fileName} is what error messages call the file. */
    public static Scenario load(String fileName, Reader reader, VirtualClock clock) {
        return load(YamlReader.read(reader, fileName, YamlLimits.SCENARIO), clock);
    }

    private static Scenario load(YamlDocument doc, VirtualClock clock) {
        Problems problems = doc.problems();
        if (!doc.parsed()) {
            if (problems.isEmpty()) {
                problems.whole("the file is empty: a scenario needs at least accounts");
            }
            throwIfAny(problems);
        }
        Node root = doc.rootNode();
        YMap top = new YNode(root, "", problems).map();
        Instant fixedNow = ScenarioValues.time(top, "now", null, Instant.EPOCH);
        if (fixedNow != null && top.get("now").string().trim().matches("now|[+-].*")) {
            top.get("now").error("must be an absolute ISO-8601 instant, e.g. 2026-01-15T12:00:00Z");
            fixedNow = null;
        }
        long seed = top.integer("seed", 1L, Long.MIN_VALUE, Long.MAX_VALUE);
        World world = new World(clock);
        Instant now = fixedNow != null ? fixedNow : clock.instant();
        LoadContext ctx = new LoadContext(world, now, problems, seed);
        String firstAccount = null;
        List<YNode> accounts = top.list("accounts");
        if (!top.has("accounts")) {
            top.missing("accounts");
        }
        for (YNode a : accounts) {
            String id = AccountReader.read(ctx, a);
            firstAccount = firstAccount == null ? id : firstAccount;
        }
        String defaultAccount = top.str("default_account", firstAccount);
        if (top.has("default_account") && defaultAccount != null && !world.accounts().containsKey(defaultAccount)) {
            top.get("default_account").error("no account " + defaultAccount + " is defined under accounts");
        }
        YNode faultsNode = top.get("faults");
        FaultPlan faults = faultsNode == null ? FaultPlan.NONE : FaultReader.read(faultsNode, seed);
        top.finish();
        ctx.runDeferred();
        throwIfAny(problems);
        if (fixedNow != null) {
            clock.set(fixedNow);
        }
        world.setDefaultAccount(defaultAccount);
        return new Scenario(world, faults);
    }

    /** Every error of the file, in file order however the readers visited it, as one exception. */
    private static void throwIfAny(Problems problems) {
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems.sorted().stream().map(e -> new ScenarioError(e.file(),
                    Math.max(1, e.line()), Math.max(1, e.column()), e.path(), e.message())).toList());
        }
    }
}
