package io.backupsentinel.sandbox.http;

import io.backupsentinel.sandbox.state.Region;
import io.backupsentinel.sandbox.state.World;

import java.time.Instant;

/**
 * Where a request acts: the world, the time it arrived (virtual clock), the account chosen by its access
 * key and the region chosen by its credential scope, and the operation name.
 */
public record RequestContext(World world, Instant now, String account, String regionName, String operation,
                             String requestId) {
    public Region region() {
        return world.account(account).region(regionName);
    }
}
