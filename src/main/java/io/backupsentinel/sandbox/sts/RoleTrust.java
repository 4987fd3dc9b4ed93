package io.backupsentinel.sandbox.sts;

import io.backupsentinel.sandbox.state.World;

/**
 * Decides whether a caller in one account may assume a role. The scenario declares assumable roles; until
 * the world carries them, {@link #existingAccounts(World)} is the rule: any role in an account that exists
 * in the world may be assumed, and roles in unknown accounts are denied.
 */
@FunctionalInterface
public interface RoleTrust {
    boolean mayAssume(String callerAccount, String roleAccount, String roleName, String externalId);

    static RoleTrust existingAccounts(World world) {
        return (caller, roleAccount, roleName, externalId) -> world.findAccount(roleAccount).isPresent();
    }
}
