package io.backupsentinel.sandbox.backup;

import io.backupsentinel.sandbox.http.AwsError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouteTableTest {
    private final RouteTable routes = RouteTable.backupModel();

    @ParameterizedTest
    @CsvSource({
            "GET, /backup/plans/, ListBackupPlans",
            "GET, /backup/plans/p-1/, GetBackupPlan",
            "GET, /backup/plans/p-1/selections/, ListBackupSelections",
            "GET, /backup/plans/p-1/selections/s-1, GetBackupSelection",
            "GET, /backup-vaults/, ListBackupVaults",
            "GET, /backup-vaults/prod-vault, DescribeBackupVault",
            "GET, /backup-vaults/prod-vault/recovery-points/, ListRecoveryPointsByBackupVault",
            "GET, /backup-vaults/prod-vault/recovery-points/arn%3Aaws%3Abackup%3Aus-east-1%3A1%3Arecovery-point%3Ax, DescribeRecoveryPoint",
            "GET, /resources/, ListProtectedResources",
            "GET, /resources/arn%3Aaws%3Adynamodb%3Aus-east-1%3A1%3Atable%2Forders, DescribeProtectedResource",
            "GET, /resources/arn%3Aaws%3Adynamodb%3Aus-east-1%3A1%3Atable%2Forders/recovery-points/, ListRecoveryPointsByResource",
            "GET, /backup-jobs/, ListBackupJobs",
            "GET, /backup-jobs/j-1, DescribeBackupJob",
            "GET, /copy-jobs/, ListCopyJobs",
            "GET, /restore-jobs/, ListRestoreJobs",
            "GET, /restore-jobs/r-1, DescribeRestoreJob",
            "GET, /restore-testing/plans, ListRestoreTestingPlans",
            "GET, /restore-testing/plans/weekly, GetRestoreTestingPlan",
            "GET, /restore-testing/plans/weekly/selections, ListRestoreTestingSelections",
            "GET, /restore-testing/plans/weekly/selections/gold, GetRestoreTestingSelection",
            "PUT, /backup-vaults/new-vault, CreateBackupVault",
            "GET, /backup/template/plans, ListBackupPlanTemplates",
    })
    void each_request_uri_of_the_model_routes_to_its_operation(String method, String path, String operation) {
        assertThat(routes.match(method, path).operation()).isEqualTo(operation);
    }

    @Test
    void an_arn_label_arrives_decoded_with_its_slashes_and_colons() {
        Map<String, String> labels = routes.match("GET",
                "/resources/arn%3Aaws%3Adynamodb%3Aus-east-1%3A111111111111%3Atable%2Fmy%2Btable/recovery-points/").labels();

        assertThat(labels).containsEntry("resourceArn", "arn:aws:dynamodb:us-east-1:111111111111:table/my+table");
    }

    @Test
    void an_empty_label_is_a_missing_parameter_value() {
        assertThatThrownBy(() -> routes.match("GET", "/backup-vaults//recovery-points/"))
                .isInstanceOfSatisfying(AwsError.class, e -> {
                    assertThat(e.code()).isEqualTo("MissingParameterValueException");
                    assertThat(e.context()).isEqualTo("backupVaultName");
                });
    }

    @Test
    void a_path_of_no_operation_is_an_unknown_operation() {
        assertThatThrownBy(() -> routes.match("GET", "/no/such/thing"))
                .isInstanceOfSatisfying(AwsError.class, e -> {
                    assertThat(e.code()).isEqualTo("UnknownOperationException");
                    assertThat(e.httpStatus()).isEqualTo(404);
                });
        assertThatThrownBy(() -> routes.match("PATCH", "/backup-vaults/prod-vault")).isInstanceOf(AwsError.class);
    }
}
