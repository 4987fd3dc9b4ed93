package io.backupsentinel.cli;

import io.backupsentinel.aws.AwsSettings;
import io.backupsentinel.sandbox.scenario.Scenario;
import io.backupsentinel.sandbox.scenario.ScenarioLoader;
import io.backupsentinel.sandbox.state.VirtualClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxSettingsTest {
    @Test
    void the_demo_is_audited_in_every_region_and_in_every_account_a_role_reaches() {
        Scenario demo = ScenarioLoader.demo(VirtualClock.system());
        AwsSettings s = SandboxSettings.wholeWorld(demo.world(), demo.faults());
        assertThat(s.regions()).containsExactly("ap-southeast-2", "eu-west-1", "us-east-1");
        assertThat(s.accounts()).extracting(AwsSettings.Account::roleArn)
                .containsExactly(null, "arn:aws:iam::222222222222:role/BackupSentinelAudit");
    }

    @Test
    void the_client_paces_at_the_scale_the_scenario_gives_the_sandbox_limits() {
        Scenario fleet = ScenarioLoader.loadBundled("fleet-100k.yml", VirtualClock.system());
        AwsSettings s = SandboxSettings.wholeWorld(fleet.world(), fleet.faults());
        assertThat(fleet.faults().scale()).isGreaterThan(1.0);
        assertThat(s.rateLimits().scale()).isEqualTo(fleet.faults().scale());
    }
}
