package io.backupsentinel.sandbox;

import io.backupsentinel.sandbox.backup.BackupHandler;
import io.backupsentinel.sandbox.cloudwatch.CloudWatchHandler;
import io.backupsentinel.sandbox.cloudwatch.PublishedMetrics;
import io.backupsentinel.sandbox.dynamodb.DynamoDbHandler;
import io.backupsentinel.sandbox.fault.FaultPlan;
import io.backupsentinel.sandbox.fault.SandboxGate;
import io.backupsentinel.sandbox.http.RequestGate;
import io.backupsentinel.sandbox.http.SandboxServer;
import io.backupsentinel.sandbox.http.ServiceHandler;
import io.backupsentinel.sandbox.scenario.Scenario;
import io.backupsentinel.sandbox.scenario.ScenarioLoader;
import io.backupsentinel.sandbox.state.VirtualClock;
import io.backupsentinel.sandbox.state.World;
import io.backupsentinel.sandbox.sts.StsHandler;
import io.backupsentinel.sandbox.tagging.TaggingHandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded AWS, ready to use: a scenario loaded into a world, the fault and limit gate it asks for,
 * and DynamoDB, AWS Backup, tagging, STS and CloudWatch's PutMetricData served on one port. Used by {@code demo}, {@code audit
 * --sandbox}, {@code sandbox}, tests and benchmarks; never by {@code run}.
 */
public final class Sandbox implements AutoCloseable {
    /** Any access key works; keys a scenario does not list act in its default account. */
    public static final String ACCESS_KEY = "AKIASANDBOXDEFAULT00";
    public static final String SECRET_KEY = "sandbox-secret-key";

    private final Scenario scenario;
    private final SandboxServer server;
    private final SandboxGate gate;
    private final PublishedMetrics cloudWatch;

    private Sandbox(Scenario scenario, SandboxServer server, SandboxGate gate, PublishedMetrics cloudWatch) {
        this.scenario = scenario;
        this.server = server;
        this.gate = gate;
        this.cloudWatch = cloudWatch;
    }

    /** Starts the scenario file (null: the bundled demo) on the port (0: any free port) of 127.0.0.1. */
    public static Sandbox start(Path scenarioFile, int port) {
        return start(scenarioFile, port, VirtualClock.system());
    }

    /**
     * Like {@link #start(Path, int)}, with the clock frozen before the scenario is read: every time in the
     * scenario and every age computed against the sandbox is exact and the same on every run (a one-shot
     * audit's output does not depend on how long loading or the audit took).
     */
    public static Sandbox startFrozen(Path scenarioFile, int port) {
        VirtualClock clock = VirtualClock.system();
        clock.freeze();
        return start(scenarioFile, port, clock);
    }

    private static Sandbox start(Path scenarioFile, int port, VirtualClock clock) {
        Scenario scenario = scenarioFile == null ? ScenarioLoader.demo(clock) : ScenarioLoader.load(scenarioFile, clock);
        return start(scenario, port);
    }

    /**
     * Starts a world built in code, without faults or limits (tests add them through {@link #gate()}); each
     * override replaces a standard handler as in {@link #start(Scenario, int, ServiceHandler...)}.
     */
    public static Sandbox start(World world, int port, ServiceHandler... overrides) {
        return start(new Scenario(world, FaultPlan.NONE), port, overrides);
    }

    /**
     * Starts the scenario with the five standard handlers, except that each override replaces the one serving
     * the same signing name (tests: DynamoDB with other delays, STS with another role trust, a wrapped handler).
     */
    public static Sandbox start(Scenario scenario, int port, ServiceHandler... overrides) {
        World world = scenario.world();
        PublishedMetrics cloudWatch = new PublishedMetrics();
        List<ServiceHandler> handlers = new ArrayList<>(List.of(new DynamoDbHandler(), new BackupHandler(),
                new TaggingHandler(), new StsHandler(world), new CloudWatchHandler(cloudWatch)));
        for (ServiceHandler override : overrides) {
            List<String> served = handlers.stream().map(ServiceHandler::signingName).toList();
            int i = served.indexOf(override.signingName());
            if (i < 0) {
                throw new IllegalArgumentException("no sandbox service is signed as '" + override.signingName()
                        + "' to override; the sandbox serves " + served);
            }
            handlers.set(i, override);
        }
        SandboxServer server = new SandboxServer(world, handlers);
        SandboxGate gate = scenario.gate();
        server.setGate(gate);
        server.setControl(new ControlPlane(world.clock(), gate, cloudWatch));
        try {
            server.start(port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the sandbox on port " + port + ": " + e.getMessage(), e);
        }
        return new Sandbox(scenario, server, gate, cloudWatch);
    }

    public String endpoint() {
        return server.endpoint();
    }

    public int port() {
        return server.port();
    }

    public World world() {
        return scenario.world();
    }

    public VirtualClock clock() {
        return scenario.world().clock();
    }

    /** The scenario's {@code faults:} section as loaded: limit profile, scale, explicit limits and faults. */
    public FaultPlan faults() {
        return scenario.faults();
    }

    /** What CloudWatch's PutMetricData received, also served by {@code GET /_sandbox/cloudwatch}. */
    public PublishedMetrics cloudWatch() {
        return cloudWatch;
    }

    /** Rate limits, latency, error rates and outages, changeable while the sandbox runs. */
    public SandboxGate gate() {
        return gate;
    }

    /**
     * Puts another gate in front of the handlers in place of {@link #gate()}, for tests that need a fault the
     * gate cannot state (e.g. one that fails only the first call, or counts calls).
     */
    public void replaceGate(RequestGate replacement) {
        server.setGate(replacement);
    }

    @Override
    public void close() {
        server.close();
    }
}
