package io.backupsentinel.sandbox.backup;

import io.backupsentinel.sandbox.state.Plan;
import io.backupsentinel.sandbox.state.RestoreTestingPlan;
import io.backupsentinel.testing.BackupWorldFixtures;
import io.backupsentinel.testing.SandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.KeyValue;
import software.amazon.awssdk.services.backup.model.ResourceNotFoundException;
import software.amazon.awssdk.services.backup.model.RestoreTestingPlanForGet;
import software.amazon.awssdk.services.backup.model.RestoreTestingPlanForList;
import software.amazon.awssdk.services.backup.model.RestoreTestingSelectionForGet;
import software.amazon.awssdk.services.backup.model.RestoreTestingSelectionForList;

import java.util.List;

import static io.backupsentinel.testing.BackupWorldFixtures.tableArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RestoreTestingIT {
    private final BackupWorldFixtures fx = BackupWorldFixtures.create();
    @RegisterExtension
    final SandboxExtension sandbox = new SandboxExtension(fx::world);
    private BackupClient backup;
    private RestoreTestingPlan weekly;

    @BeforeEach
    void setUp() {
        weekly = fx.restoreTestingPlan("weekly-restore-test", List.of("arn:aws:backup:us-east-1:111111111111:backup-vault:prod-vault"));
        fx.restoreTestingPlan("monthly-restore-test", List.of("*"));
        fx.restoreTestingSelection("weekly-restore-test", "gold-tables", List.of(tableArn("orders")), List.of());
        fx.restoreTestingSelection("weekly-restore-test", "silver-tables", List.of("*"),
                List.of(new Plan.TagCondition("StringEquals", "aws:ResourceTag/backup-tier", "silver"),
                        new Plan.TagCondition("StringNotEquals", "aws:ResourceTag/env", "dev")));
        backup = sandbox.backup();
    }

    @Test
    void restore_testing_plans_are_listed_with_schedule_and_last_execution() {
        List<RestoreTestingPlanForList> plans = backup.listRestoreTestingPlansPaginator(b -> { })
                .restoreTestingPlans().stream().toList();

        assertThat(plans).extracting(RestoreTestingPlanForList::restoreTestingPlanName)
                .containsExactly("monthly-restore-test", "weekly-restore-test");
        RestoreTestingPlanForList w = plans.get(1);
        assertThat(w.restoreTestingPlanArn()).isEqualTo(weekly.arn());
        assertThat(w.scheduleExpression()).isEqualTo("cron(0 3 ? * SUN *)");
        assertThat(w.scheduleExpressionTimezone()).isEqualTo("Etc/UTC");
        assertThat(w.startWindowHours()).isEqualTo(8);
        assertThat(w.creationTime()).isEqualTo(weekly.created());
        assertThat(w.lastExecutionTime()).isEqualTo(weekly.lastExecution());
    }

    @Test
    void get_restore_testing_plan_returns_its_recovery_point_selection() {
        RestoreTestingPlanForGet p = backup.getRestoreTestingPlan(b -> b.restoreTestingPlanName("weekly-restore-test"))
                .restoreTestingPlan();

        assertThat(p.restoreTestingPlanName()).isEqualTo("weekly-restore-test");
        assertThat(p.recoveryPointSelection().algorithmAsString()).isEqualTo("LATEST_WITHIN_WINDOW");
        assertThat(p.recoveryPointSelection().includeVaults()).containsExactly(weekly.includeVaults().get(0));
        assertThat(p.recoveryPointSelection().recoveryPointTypesAsStrings()).containsExactly("SNAPSHOT");
        assertThat(p.recoveryPointSelection().selectionWindowDays()).isEqualTo(7);
    }

    @Test
    void selections_of_a_plan_are_listed() {
        List<RestoreTestingSelectionForList> selections = backup.listRestoreTestingSelections(
                b -> b.restoreTestingPlanName("weekly-restore-test")).restoreTestingSelections();

        assertThat(selections).extracting(RestoreTestingSelectionForList::restoreTestingSelectionName)
                .containsExactly("gold-tables", "silver-tables");
        assertThat(selections.get(0).protectedResourceType()).isEqualTo("DynamoDB");
        assertThat(selections.get(0).iamRoleArn()).isEqualTo(BackupWorldFixtures.ROLE);
        assertThat(selections.get(0).validationWindowHours()).isEqualTo(4);
        assertThat(selections.get(0).restoreTestingPlanName()).isEqualTo("weekly-restore-test");
    }

    @Test
    void get_restore_testing_selection_returns_arns_and_conditions() {
        RestoreTestingSelectionForGet s = backup.getRestoreTestingSelection(b -> b
                .restoreTestingPlanName("weekly-restore-test").restoreTestingSelectionName("silver-tables"))
                .restoreTestingSelection();

        assertThat(s.protectedResourceArns()).containsExactly("*");
        assertThat(s.protectedResourceConditions().stringEquals()).containsExactly(
                KeyValue.builder().key("aws:ResourceTag/backup-tier").value("silver").build());
        assertThat(s.protectedResourceConditions().stringNotEquals()).containsExactly(
                KeyValue.builder().key("aws:ResourceTag/env").value("dev").build());
    }

    @Test
    void unknown_plans_and_selections_are_resource_not_found() {
        assertThatThrownBy(() -> backup.getRestoreTestingPlan(b -> b.restoreTestingPlanName("nope")))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> backup.listRestoreTestingSelections(b -> b.restoreTestingPlanName("nope")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> backup.getRestoreTestingSelection(b -> b.restoreTestingPlanName("weekly-restore-test")
                .restoreTestingSelectionName("nope"))).isInstanceOf(ResourceNotFoundException.class);
    }
}
