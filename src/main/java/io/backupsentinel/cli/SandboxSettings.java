package io.backupsentinel.cli;

import io.backupsentinel.aws.AwsSettings;
import io.backupsentinel.sandbox.fault.FaultPlan;
import io.backupsentinel.sandbox.state.Account;
import io.backupsentinel.sandbox.state.World;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What {@code audit --sandbox} audits when no config file is given: every region of the sandbox's world,
 * in the caller's own account and in every account it may assume a role in, as a config file would list them.
 * The client's rate limits are AWS's defaults times the scenario's {@code faults.scale}, the factor by which the
 * sandbox scales its own limits, so a scaled fleet is swept at its (scaled) floor instead of being throttled.
 */
final class SandboxSettings {
    private SandboxSettings() {
    }

    static AwsSettings wholeWorld(World world, FaultPlan faults) {
        TreeSet<String> regions = new TreeSet<>();
        List<AwsSettings.Account> accounts = new ArrayList<>();
        accounts.add(AwsSettings.Account.SELF);
        for (Account account : world.accounts().values()) {
            regions.addAll(account.regions().keySet());
            if (!account.id().equals(world.defaultAccount())) {
                account.roles().stream().sorted().forEach(role -> accounts.add(new AwsSettings.Account(role, null, null)));
            }
        }
        return AwsSettings.defaults().withRegions(List.copyOf(regions)).withAccounts(accounts)
                .withRateLimits(new AwsSettings.RateLimits(Map.of(), faults.scale()));
    }
}
