package io.backupsentinel.aws;

import io.backupsentinel.inventory.CollectionRequest;
import io.backupsentinel.inventory.RegionSnapshot;
import io.backupsentinel.model.TableFacts;
import io.backupsentinel.model.Target;
import io.backupsentinel.sandbox.Sandbox;
import io.backupsentinel.sandbox.backup.BackupHandler;
import io.backupsentinel.sandbox.http.AwsError;
import io.backupsentinel.sandbox.http.Protocol;
import io.backupsentinel.sandbox.http.RequestContext;
import io.backupsentinel.sandbox.http.SandboxRequest;
import io.backupsentinel.sandbox.http.SandboxResponse;
import io.backupsentinel.sandbox.http.ServiceHandler;
import io.backupsentinel.sandbox.scenario.ScenarioLoader;
import io.backupsentinel.sandbox.state.VirtualClock;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A listing that loses a page: the real SDK against a sandbox whose AWS Backup answers the second page of
 * ListRecoveryPointsByBackupVault with 503 ServiceUnavailable, for a few requests or for good. Once,
 * the collector asks for that page again from its token and the facts are complete; for good, the
 * recovery points become unknown with a cause naming the page, and every other listing keeps its facts.
 */
class LostPageIT {
    private static final String ACCOUNT = "444444444444";
    private static final String KEY = "AKIALOSTPAGETEST0001";
    private static final Target TARGET = new Target(ACCOUNT, "us-east-1");
    /** 600 tables in plan with 2 recovery points each: two pages (1,000 and 200). */
    private static final String FLEET = """
            accounts:
              - id: "444444444444"
                access_keys: [AKIALOSTPAGETEST0001]
                regions:
                  us-east-1:
                    generate:
                      count: 600
                      prefix: fleet-
                      tags: {env: prod}
                      mix: {pitr_on: 0.8, in_plan: 1.0, on_demand: 0.3, export: 0, failed_job: 0.02,
                            restore_tested: 0.05}
                      recovery_points_per_table: 2
            """;

    private static RegionSnapshot collect(int failures) {
        VirtualClock clock = VirtualClock.system();
        PageFault backup = new PageFault(new BackupHandler(), failures);
        try (Sandbox sandbox = Sandbox.start(ScenarioLoader.load("fleet.yml", new StringReader(FLEET), clock), 0,
                backup);
             AwsCollector c = new AwsCollector(AwsSettings.defaults().withRegions(List.of("us-east-1"))
                     .withRateLimits(new AwsSettings.RateLimits(Map.of(), 50))
                     .withEndpoint(URI.create(sandbox.endpoint()), StaticCredentialsProvider.create(
                             AwsBasicCredentials.create(KEY, "not-a-secret"))),
                     AwsRequestListener.NONE, clock)) {
            RegionSnapshot s = c.collect(TARGET, CollectionRequest.everything(Duration.ofDays(35)));
            System.out.printf("lost page (%d refusals): failure %s, requests %s, first table's points: %s%n",
                    failures, s.failure(), s.requests(),
                    s.tables().isEmpty() ? "-" : s.tables().get(0).recoveryPoints().cause());
            assertThat(backup.failed.get()).as("requests of page 2 refused").isEqualTo(
                    Math.min(failures, Caller.PAGE_TRIES * SdkClients.MAX_ATTEMPTS));
            return s;
        }
    }

    @Test
    void a_page_that_fails_once_is_asked_for_again_from_its_token_and_the_facts_are_complete() {
        // Four refusals exhaust the SDK's four attempts of one call: the page is lost once, then resumed.
        RegionSnapshot s = collect(SdkClients.MAX_ATTEMPTS);

        assertThat(s.failure()).isNull();
        assertThat(s.tables()).hasSize(600);
        assertThat(s.tables()).allSatisfy(t -> {
            assertThat(t.recoveryPoints().known()).as(t.table().name()).isTrue();
            assertThat(t.recoveryPoints().value()).as(t.table().name()).hasSize(2);
        });
    }

    @Test
    void a_page_lost_for_good_makes_only_the_recovery_points_unknown_and_names_the_page() {
        RegionSnapshot s = collect(Integer.MAX_VALUE);

        assertThat(s.failure()).isNull();
        TableFacts any = s.tables().get(0);
        assertThat(any.recoveryPoints().cause()).startsWith("ListRecoveryPointsByBackupVault: page 2 (after 1000"
                + " items) failed 3 times: ServiceUnavailableException");
        assertThat(s.tables()).allSatisfy(t -> {
            assertThat(t.recoveryPoints().known()).isFalse();
            assertThat(t.pitr().known()).isTrue();
            assertThat(t.onDemandBackups().known()).isTrue();
            assertThat(t.backupJobs().known()).isTrue();
            assertThat(t.plans().known()).isTrue();
        });
    }

    /** AWS Backup whose second page of ListRecoveryPointsByBackupVault fails {@code failures} times with 503. */
    private static final class PageFault implements ServiceHandler {
        private final ServiceHandler delegate;
        private final int failures;
        private final AtomicInteger failed = new AtomicInteger();
        private volatile String secondPageToken;

        PageFault(ServiceHandler delegate, int failures) {
            this.delegate = delegate;
            this.failures = failures;
        }

        @Override
        public String signingName() {
            return delegate.signingName();
        }

        @Override
        public Protocol protocol() {
            return delegate.protocol();
        }

        @Override
        public String operation(SandboxRequest request) {
            return delegate.operation(request);
        }

        @Override
        public SandboxResponse handle(SandboxRequest request, RequestContext context) {
            String token = request.queryParam("nextToken");
            if ("ListRecoveryPointsByBackupVault".equals(context.operation()) && token != null) {
                synchronized (this) {
                    if (secondPageToken == null) {
                        secondPageToken = token;
                    }
                }
                if (token.equals(secondPageToken) && failed.get() < failures) {
                    failed.incrementAndGet();
                    throw new AwsError(503, "ServiceUnavailableException", "Service unavailable, try again");
                }
            }
            return delegate.handle(request, context);
        }
    }
}
