package io.backupsentinel.sandbox.backup;

import io.backupsentinel.sandbox.http.AwsError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageTokensTest {
    private final PageTokens tokens = PageTokens.random();

    @Test
    void a_token_gives_back_the_last_key_to_the_listing_that_issued_it() {
        String token = tokens.issue("ListBackupJobs|111111111111|us-east-1|{}", "0001|job-9");

        assertThat(tokens.lastKey("ListBackupJobs|111111111111|us-east-1|{}", token, "nextToken")).isEqualTo("0001|job-9");
        assertThat(token).doesNotContain("job-9");
    }

    @Test
    void another_listing_refuses_the_token() {
        String token = tokens.issue("ListBackupJobs|111111111111|us-east-1|{}", "k");

        assertThatThrownBy(() -> tokens.lastKey("ListBackupJobs|111111111111|eu-west-1|{}", token, "nextToken"))
                .isInstanceOfSatisfying(AwsError.class, e -> assertThat(e.code()).isEqualTo("InvalidParameterValueException"))
                .hasMessageContaining("different listing");
    }

    @Test
    void a_token_of_another_sandbox_instance_is_refused() {
        String token = PageTokens.random().issue("L", "k");

        assertThatThrownBy(() -> tokens.lastKey("L", token, "NextToken"))
                .isInstanceOf(AwsError.class).hasMessageContaining("NextToken");
    }
}
