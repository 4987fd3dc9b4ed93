package io.backupsentinel.sandbox.scenario;

import io.backupsentinel.yaml.Problems;
import io.backupsentinel.sandbox.state.World;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the readers of one scenario file share: the world being filled, the instant relative times resolve
 * against, the error collector, the id sequence, and checks that must wait until every account is read
 * (references to vaults in other regions or accounts).
 */
final class LoadContext {
    final World world;
    final Instant now;
    final Problems problems;
    final Ids ids;
    final long seed;
    private final List<Runnable> deferred = new ArrayList<>();

    LoadContext(World world, Instant now, Problems problems, long seed) {
        this.world = world;
        this.now = now;
        this.problems = problems;
        this.seed = seed;
        this.ids = new Ids(seed);
    }

    void later(Runnable check) {
        deferred.add(check);
    }

    void runDeferred() {
        deferred.forEach(Runnable::run);
        deferred.clear();
    }
}
