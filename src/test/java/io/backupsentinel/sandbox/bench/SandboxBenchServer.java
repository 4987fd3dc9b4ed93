package io.backupsentinel.sandbox.bench;

import io.backupsentinel.sandbox.Sandbox;
import io.backupsentinel.sandbox.state.Region;
import io.backupsentinel.sandbox.state.Table;
import io.backupsentinel.sandbox.state.VirtualClock;
import io.backupsentinel.sandbox.state.World;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Starts the sandbox for throughput benchmarks (see BENCHMARKS.md, "Sandbox throughput"): account
 * 111111111111, us-east-1, N tables {@code t-00000}… with PITR on, no request gate (no limits), on a port.
 * Usage: {@code SandboxBenchServer [port=4566] [tables=1000]}; stops on Ctrl-C.
 */
public final class SandboxBenchServer {
    private SandboxBenchServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 4566;
        int tables = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        World world = new World(VirtualClock.system());
        world.setDefaultAccount("111111111111");
        Region region = world.account("111111111111").region("us-east-1");
        Instant now = world.clock().instant();
        for (int i = 0; i < tables; i++) {
            String name = String.format("t-%05d", i);
            region.tables().put(name, new Table(name, region.tableArn(name), UUID.randomUUID().toString(),
                    now.minus(Duration.ofDays(100)), null, "pk", 1024, 10, Map.of("env", "prod"),
                    now.minus(Duration.ofDays(50)), 35, Table.DEFAULT_PITR_LAG));
        }
        Sandbox server = Sandbox.start(world, port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("sandbox with " + tables + " tables on " + server.endpoint());
        Thread.currentThread().join();
    }
}
