package io.backupsentinel.sandbox.sts;

import io.backupsentinel.sandbox.state.World;

/**
 * Decides whether a caller may assume a role. {@link #declaredRoles(World)} is the scenario's rule: a role
 * may be assumed when its account exists and declares it in {@code Account.roles()}; anything else is
 * AccessDenied, as AWS answers for a role that does not exist or does not trust the caller.
 */
@FunctionalInterface
public interface RoleTrust {
    boolean mayAssume(String callerAccount, String roleArn, String externalId);

    static RoleTrust declaredRoles(World world) {
        return (caller, roleArn, externalId) -> {
            String account = roleArn.split(":", 6)[4];
            return world.findAccount(account).map(a -> a.roles().contains(roleArn)).orElse(false);
        };
    }
}
