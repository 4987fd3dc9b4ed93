package io.backupsentinel.sandbox.sts;

import io.backupsentinel.testing.SandboxExtension;
import io.backupsentinel.testing.WorldBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StsIT {
    private static final String AUDIT_ROLE = "arn:aws:iam::222222222222:role/BackupSentinelAudit";
    private final WorldBuilder world = WorldBuilder.create().account(WorldBuilder.OTHER_ACCOUNT).role(AUDIT_ROLE);
    @RegisterExtension
    final SandboxExtension sandbox = new SandboxExtension(world::world);

    @Test
    void an_unknown_access_key_is_the_callers_own_account() {
        GetCallerIdentityResponse id = sandbox.sts().getCallerIdentity();

        assertThat(id.account()).isEqualTo("111111111111");
        assertThat(id.arn()).isEqualTo("arn:aws:iam::111111111111:user/sandbox");
        assertThat(id.userId()).startsWith("AIDA").hasSize(21);
    }

    @Test
    void assume_role_returns_temporary_credentials_for_the_role() {
        AssumeRoleResponse r = sandbox.sts().assumeRole(b -> b.roleArn(AUDIT_ROLE).roleSessionName("audit").externalId("ext-1")
                .durationSeconds(900));

        assertThat(r.credentials().accessKeyId()).startsWith("ASIA").hasSize(20);
        assertThat(r.credentials().secretAccessKey()).hasSize(40);
        assertThat(r.credentials().sessionToken()).isNotEmpty();
        assertThat(r.credentials().expiration()).isEqualTo(world.now().plus(Duration.ofSeconds(900)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(r.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::222222222222:assumed-role/BackupSentinelAudit/audit");
        assertThat(r.assumedRoleUser().assumedRoleId()).startsWith("AROA").endsWith(":audit");
    }

    @Test
    void the_assumed_roles_credentials_act_in_the_roles_account() {
        world.table("orders", Map.of());
        world.table(WorldBuilder.OTHER_ACCOUNT, "staging-orders", Map.of());
        world.table(WorldBuilder.OTHER_ACCOUNT, "staging-users", Map.of());
        StsClient sts = sandbox.sts();

        var c = sts.assumeRole(b -> b.roleArn(AUDIT_ROLE).roleSessionName("audit")).credentials();
        var keys = StaticCredentialsProvider.create(
                AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
        DynamoDbClient other = sandbox.clients().as(keys).dynamo();

        assertThat(other.listTables().tableNames()).containsExactly("staging-orders", "staging-users");
        assertThat(sandbox.dynamo().listTables().tableNames()).containsExactly("orders");
        GetCallerIdentityResponse id = sandbox.clients().as(keys).sts().getCallerIdentity();
        assertThat(id.account()).isEqualTo("222222222222");
        assertThat(id.arn()).isEqualTo("arn:aws:sts::222222222222:assumed-role/BackupSentinelAudit/audit");
    }

    @Test
    void the_sdks_assume_role_credentials_provider_works_against_the_sandbox() {
        world.table(WorldBuilder.OTHER_ACCOUNT, "staging-orders", Map.of());
        StsClient sts = sandbox.sts();

        try (var provider = StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                .refreshRequest(b -> b.roleArn(AUDIT_ROLE).roleSessionName("sentinel")).build()) {
            assertThat(sandbox.clients().as(provider).dynamo().listTables().tableNames()).containsExactly("staging-orders");
        }
    }

    @Test
    void a_role_in_an_unknown_account_is_access_denied() {
        StsClient sts = sandbox.sts();

        assertThatThrownBy(() -> sts.assumeRole(b -> b.roleArn("arn:aws:iam::333333333333:role/Nope").roleSessionName("x1")))
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::111111111111:user/sandbox "
                            + "is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::333333333333:role/Nope");
                });
    }

    @Test
    void a_role_the_account_does_not_declare_is_access_denied() {
        StsClient sts = sandbox.sts();

        assertThatThrownBy(() -> sts.assumeRole(b -> b.roleArn("arn:aws:iam::222222222222:role/Admin").roleSessionName("x1")))
                .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
    }

    @Test
    void a_role_the_trust_refuses_is_access_denied() {
        StsClient sts = sandbox.start(new StsHandler(world.world(),
                (caller, role, externalId) -> role.equals(AUDIT_ROLE) && "ext-1".equals(externalId))).sts();

        assertThatThrownBy(() -> sts.assumeRole(b -> b.roleArn(AUDIT_ROLE).roleSessionName("audit")))
                .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
        assertThat(sts.assumeRole(b -> b.roleArn(AUDIT_ROLE).roleSessionName("audit").externalId("ext-1"))
                .assumedRoleUser().arn()).endsWith("/audit");
    }

    @Test
    void a_duration_beyond_the_roles_maximum_session_is_a_validation_error() {
        StsClient sts = sandbox.sts();

        assertThatThrownBy(() -> sts.assumeRole(b -> b.roleArn(AUDIT_ROLE).roleSessionName("audit").durationSeconds(7200)))
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("MaxSessionDuration");
                });
    }
}
