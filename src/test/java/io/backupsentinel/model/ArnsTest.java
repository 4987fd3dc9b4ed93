package io.backupsentinel.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArnsTest {
    @Test
    void the_region_account_and_resource_of_a_vault_arn_are_read() {
        String arn = "arn:aws:backup:eu-west-1:222222222222:backup-vault:dr-vault";
        assertThat(Arns.region(arn)).isEqualTo("eu-west-1");
        assertThat(Arns.account(arn)).isEqualTo("222222222222");
        assertThat(Arns.resource(arn)).isEqualTo("backup-vault:dr-vault");
    }

    @Test
    void empty_fields_stay_empty_and_missing_fields_are_null() {
        assertThat(Arns.region("arn:aws:s3:::bucket")).isEmpty();
        assertThat(Arns.account("arn:aws:s3:::bucket")).isEmpty();
        assertThat(Arns.resource("arn:aws:s3:::bucket")).isEqualTo("bucket");
        assertThat(Arns.region("arn:aws:dynamodb")).isNull();
        assertThat(Arns.account("arn:aws:dynamodb:us-east-1")).isNull();
        assertThat(Arns.account("arn:aws:dynamodb:us-east-1:")).isEmpty();
        assertThat(Arns.region(null)).isNull();
    }

    @Test
    void a_field_is_read_the_same_as_splitting_on_colons_into_six() {
        for (String arn : new String[]{"arn:aws:dynamodb:us-east-1:111111111111:table/orders/backup/1:2",
                "not-an-arn", "", "a:b:c:d:e:f:g:h", ":::::"}) {
            String[] parts = arn.split(":", 6);
            assertThat(Arns.region(arn)).isEqualTo(parts.length > 3 ? parts[3] : null);
            assertThat(Arns.account(arn)).isEqualTo(parts.length > 4 ? parts[4] : null);
            assertThat(Arns.resource(arn)).isEqualTo(parts.length > 5 ? parts[5] : null);
        }
    }
}
