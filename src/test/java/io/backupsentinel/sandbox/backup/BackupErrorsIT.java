package io.backupsentinel.sandbox.backup;

import io.backupsentinel.testing.BackupWorldFixtures;
import io.backupsentinel.testing.SandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.InvalidParameterValueException;
import software.amazon.awssdk.services.backup.model.InvalidRequestException;
import software.amazon.awssdk.services.backup.model.MissingParameterValueException;
import software.amazon.awssdk.services.backup.model.ResourceNotFoundException;
import software.amazon.awssdk.services.backup.model.ServiceUnavailableException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BackupErrorsIT {
    private final BackupWorldFixtures fx = BackupWorldFixtures.create();
    @RegisterExtension
    final SandboxExtension sandbox = new SandboxExtension(fx::world);
    private BackupClient backup;

    @BeforeEach
    void setUp() {
        fx.vault("prod-vault");
        backup = sandbox.backup();
    }

    @Test
    void resource_not_found_carries_the_models_code_message_type_and_context() {
        ResourceNotFoundException e = catchThrowableOfType(ResourceNotFoundException.class,
                () -> backup.describeBackupVault(b -> b.backupVaultName("ghost-vault")));

        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("Backup vault ghost-vault does not exist in account 111111111111 region us-east-1");
        assertThat(e.code()).isEqualTo("ResourceNotFoundException");
        assertThat(e.type()).isEqualTo("User");
        assertThat(e.context()).isEqualTo("BackupVaultName");
        assertThat(e.requestId()).isNotBlank();
    }

    @Test
    void a_bad_filter_is_an_invalid_parameter_value_naming_the_parameter() {
        InvalidParameterValueException e = catchThrowableOfType(InvalidParameterValueException.class,
                () -> backup.listBackupJobs(b -> b.byState("SOMEWHERE")));

        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.context()).isEqualTo("state");
        assertThat(e.awsErrorDetails().errorMessage()).startsWith("state 'SOMEWHERE' is not one of");
    }

    @Test
    void an_empty_path_parameter_is_a_missing_parameter_value() throws Exception {
        // The SDK refuses an empty vault name itself (and sends "//" as "/%2F"), so this request is raw HTTP,
        // signed-looking so the sandbox routes it to AWS Backup; the error arrives in the restJson1 shape.
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.running().endpoint() + "/backup-vaults//recovery-points/"))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDSANDBOXTEST/20250601/us-east-1/backup/aws4_request, "
                        + "SignedHeaders=host, Signature=0")
                .GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingParameterValueException");
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertThat(body.path("Code").asText()).isEqualTo("MissingParameterValueException");
        assertThat(body.path("Context").asText()).isEqualTo("backupVaultName");
        assertThat(body.path("Type").asText()).isEqualTo("User");
        assertThat(body.path("Message").asText()).contains("ListRecoveryPointsByBackupVault");
    }

    @Test
    void missing_parameter_value_maps_to_its_sdk_exception() {
        sandbox.running().replaceGate((service, operation, ctx) -> {
            throw BackupErrors.missingParameter("BackupVaultName", "BackupVaultName is required");
        });

        MissingParameterValueException e = catchThrowableOfType(MissingParameterValueException.class,
                () -> backup.listBackupVaults(b -> { }));
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.context()).isEqualTo("BackupVaultName");
    }

    @Test
    void an_operation_the_sandbox_does_not_serve_is_an_invalid_request_naming_it() {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                () -> backup.createBackupVault(b -> b.backupVaultName("new-vault")));

        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorMessage()).contains("CreateBackupVault is not served");
    }

    @Test
    void service_unavailable_maps_to_its_exception_when_retries_are_off() {
        sandbox.running().replaceGate((service, operation, ctx) -> {
            throw BackupErrors.serviceUnavailable("AWS Backup is unavailable in " + ctx.regionName());
        });
        try (BackupClient noRetry = sandbox.clients()
                .backup(c -> c.retryStrategy(DefaultRetryStrategy.doNotRetry()))) {
            ServiceUnavailableException e = catchThrowableOfType(ServiceUnavailableException.class,
                    () -> noRetry.listBackupVaults(b -> { }));

            assertThat(e.statusCode()).isEqualTo(500);
            assertThat(e.type()).isEqualTo("Service");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("AWS Backup is unavailable in us-east-1");
        }
    }

    @Test
    void a_brief_outage_is_retried_by_the_sdk_and_the_call_succeeds() {
        AtomicInteger calls = new AtomicInteger();
        sandbox.running().replaceGate((service, operation, ctx) -> {
            if (calls.incrementAndGet() == 1) {
                throw BackupErrors.serviceUnavailable("AWS Backup is unavailable");
            }
        });

        assertThat(backup.listBackupVaults(b -> { }).backupVaultList()).hasSize(1);
        assertThat(calls).hasValue(2);
    }
}
