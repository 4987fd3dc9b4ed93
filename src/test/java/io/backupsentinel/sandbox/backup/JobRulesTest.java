package io.backupsentinel.sandbox.backup;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.backupsentinel.testing.BackupWorldFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

class JobRulesTest {
    @Test
    void a_job_exactly_30_days_old_is_still_listed_and_one_older_is_not() {
        assertThat(JobRules.withinWindow(NOW.minus(Duration.ofDays(30)), NOW)).isTrue();
        assertThat(JobRules.withinWindow(NOW.minus(Duration.ofDays(30)).minusMillis(1), NOW)).isFalse();
    }

    @Test
    void message_categories_follow_the_jobs_state_and_message() {
        assertThat(JobRules.messageCategory("COMPLETED", null)).isEqualTo("SUCCESS");
        assertThat(JobRules.messageCategory("FAILED", "Insufficient privileges to perform backup")).isEqualTo("AccessDenied");
        assertThat(JobRules.messageCategory("FAILED", "Invalid KMS key")).isEqualTo("InvalidParameters");
        assertThat(JobRules.messageCategory("FAILED", "Table orders does not exist")).isEqualTo("ResourceNotFound");
        assertThat(JobRules.messageCategory("ABORTED", "Backup window expired")).isEqualTo("Others");
        assertThat(JobRules.messageCategory("RUNNING", null)).isNull();
    }

    @Test
    void any_star_and_aggregate_all_match_every_category() {
        assertThat(JobRules.categoryMatches("ANY", null)).isTrue();
        assertThat(JobRules.categoryMatches("*", "Others")).isTrue();
        assertThat(JobRules.categoryMatches("AGGREGATE_ALL", "SUCCESS")).isTrue();
        assertThat(JobRules.categoryMatches("accessdenied", "AccessDenied")).isTrue();
        assertThat(JobRules.categoryMatches("SUCCESS", "AccessDenied")).isFalse();
    }
}
