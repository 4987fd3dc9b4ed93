package io.backupsentinel.cli;

import io.backupsentinel.aws.AwsSettings;
import io.backupsentinel.sandbox.state.Account;
import io.backupsentinel.sandbox.state.World;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What {@code audit --sandbox} audits when no config file is given: every region of the sandbox's world,
 * in the caller's own account and in every account it may assume a role in, as a config file would list them.
 */
final class SandboxSettings {
    private SandboxSettings() {
    }

    static AwsSettings wholeWorld(World world) {
        TreeSet<String> regions = new TreeSet<>();
        List<AwsSettings.Account> accounts = new ArrayList<>();
        accounts.add(AwsSettings.Account.SELF);
        for (Account account : world.accounts().values()) {
            regions.addAll(account.regions().keySet());
            if (!account.id().equals(world.defaultAccount())) {
                account.roles().stream().sorted().forEach(role -> accounts.add(new AwsSettings.Account(role, null, null)));
            }
        }
        return AwsSettings.defaults().withRegions(List.copyOf(regions)).withAccounts(accounts);
    }
}
