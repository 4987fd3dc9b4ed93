package io.backupsentinel.aws;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

class CausesTest {
    @Test
    void a_service_error_gives_operation_code_message_and_attempts() {
        DynamoDbException e = (DynamoDbException) DynamoDbException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException")
                        .errorMessage("Rate exceeded").build())
                .message("Rate exceeded (Service: DynamoDb, Status Code: 400, Request ID: X)")
                .numAttempts(4).statusCode(400).build();

        assertThat(Causes.of("DescribeContinuousBackups", new CompletionException(e)))
                .isEqualTo("DescribeContinuousBackups: ThrottlingException: Rate exceeded (after 4 attempts)");
        assertThat(Causes.errorCode(e)).isEqualTo("ThrottlingException");
    }

    @Test
    void a_client_error_keeps_its_first_line() {
        SdkClientException e = SdkClientException.builder()
                .message("Unable to execute HTTP request: Connect to 127.0.0.1:1 failed: Connection refused\nmore")
                .build();

        assertThat(Causes.of("ListTables", e))
                .isEqualTo("ListTables: Unable to execute HTTP request: Connect to 127.0.0.1:1 failed: Connection refused");
    }

    @Test
    void long_messages_are_cut() {
        assertThat(Causes.of("X", new IllegalStateException("y".repeat(1000)))).hasSize(300).endsWith("…");
    }

    @Test
    void a_call_timeout_without_any_answer_says_so_with_the_configured_timeout() {
        assertThat(Causes.describe(ApiCallTimeoutException.create(29_850), java.time.Duration.ofSeconds(30)))
                .isEqualTo("no answer within 30s (call_timeout)");
    }

    @Test
    void a_refused_pacing_wait_and_a_lost_page_keep_their_own_words() {
        Caller.CallFailure lost = new Caller.CallFailure("page 2 (after 1000 items) failed 3 times: X", null, false);

        assertThat(Causes.of("ListBackupJobs", lost)).isEqualTo("ListBackupJobs: page 2 (after 1000 items) failed 3 times: X");
    }

    @Test
    void only_faults_that_may_pass_are_worth_asking_again() {
        DynamoDbException throttled = (DynamoDbException) DynamoDbException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").build())
                .statusCode(400).build();
        DynamoDbException denied = (DynamoDbException) DynamoDbException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException").build())
                .statusCode(400).build();

        assertThat(Causes.transient_(throttled)).isTrue();
        assertThat(Causes.transient_(ApiCallTimeoutException.create(1000))).isTrue();
        assertThat(Causes.transient_(denied)).isFalse();
    }
}
