package io.backupsentinel.sandbox.bench;

import io.backupsentinel.sandbox.Sandbox;
import io.backupsentinel.sandbox.state.RecoveryPoint;
import io.backupsentinel.sandbox.state.Region;
import io.backupsentinel.sandbox.state.VirtualClock;
import io.backupsentinel.sandbox.state.Vault;
import io.backupsentinel.sandbox.state.World;
import io.backupsentinel.testing.AwsEndpoint;
import software.amazon.awssdk.services.backup.BackupClient;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Times listing pages of the sandbox's AWS Backup (BENCHMARKS.md, "Sandbox listing pages"): one vault with
 * N recovery points over N/2 tables, walked page by page (1,000 items) through the real SDK with
 * ListRecoveryPointsByBackupVault, ListProtectedResources and ListRecoveryPointsByResource; prints the
 * median and slowest page. Usage: {@code ListingPageBench [points=140000]}.
 */
public final class ListingPageBench {
    private ListingPageBench() {
    }

    public static void main(String[] args) {
        int points = args.length > 0 ? Integer.parseInt(args[0]) : 140_000;
        World world = new World(VirtualClock.system());
        world.setDefaultAccount("111111111111");
        Region region = world.account("111111111111").region("us-east-1");
        Instant now = world.clock().instant();
        Vault vault = new Vault("bench-vault", region.vaultArn("bench-vault"), now.minus(Duration.ofDays(400)), null,
                "AWS_OWNED_KMS_KEY", "BACKUP_VAULT", false, null, null, null);
        region.vaults().put(vault.name(), vault);
        for (int i = 0; i < points; i++) {
            String table = String.format("t-%06d", i / 2);
            String arn = vault.arn().replace(":backup-vault:", ":recovery-point:") + "-" + i;
            Instant created = now.minus(Duration.ofMinutes(i));
            region.recoveryPoints().put(arn, new RecoveryPoint(arn, region.tableArn(table), table, vault.name(),
                    vault.arn(), created, created.plusSeconds(60), "COMPLETED", null, 35L, null, true, null, null,
                    1024, null, null, null, null));
        }
        try (Sandbox sandbox = Sandbox.start(world, 0);
             BackupClient backup = AwsEndpoint.at(URI.create(sandbox.endpoint())).backup()) {
            report("ListRecoveryPointsByBackupVault", token -> {
                var r = backup.listRecoveryPointsByBackupVault(b -> b.backupVaultName(vault.name()).maxResults(1000)
                        .nextToken(token));
                return r.nextToken();
            });
            report("ListProtectedResources", token -> backup.listProtectedResources(b -> b.maxResults(1000)
                    .nextToken(token)).nextToken());
            report("ListRecoveryPointsByResource (one table, 20 calls)", new Function<>() {
                private int calls;

                @Override
                public String apply(String token) {
                    backup.listRecoveryPointsByResource(b -> b.resourceArn(region.tableArn("t-000100")));
                    return ++calls < 20 ? "again" : null;
                }
            });
        }
    }

    /** Walks a listing to its end (after one warm-up walk of up to 5 pages) and prints page times. */
    private static void report(String name, Function<String, String> page) {
        String token = null;
        for (int i = 0; i < 5 && (i == 0 || token != null); i++) {
            token = page.apply(token);
        }
        List<Long> micros = new ArrayList<>();
        token = null;
        do {
            long start = System.nanoTime();
            token = page.apply("again".equals(token) ? null : token);
            micros.add((System.nanoTime() - start) / 1000);
        } while (token != null);
        Collections.sort(micros);
        System.out.printf("%s: %d pages, median %.1f ms, slowest %.1f ms%n", name, micros.size(),
                micros.get(micros.size() / 2) / 1000.0, micros.get(micros.size() - 1) / 1000.0);
    }
}
