package io.backupsentinel.aws;

import io.backupsentinel.model.RestoreJob;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RestoreJobLinksTest {
    private static final String ORDERS = "arn:aws:dynamodb:us-east-1:111111111111:table/orders";
    private static final String RP = "arn:aws:backup:us-east-1:111111111111:recovery-point:abc";
    private final RestoreJobLinks links = new RestoreJobLinks(Map.of(RP, ORDERS));

    private static RestoreJob job(String source, String rp) {
        return new RestoreJob("j", source, rp, "COMPLETED", null, null, null, null, null, null, null);
    }

    @Test
    void the_source_resource_arn_wins() {
        String other = "arn:aws:dynamodb:us-east-1:111111111111:table/other";
        assertThat(links.tableArn(job(other, RP))).isEqualTo(other);
    }

    @Test
    void a_dynamodb_backup_arn_names_its_table() {
        assertThat(links.tableArn(job(null, ORDERS + "/backup/01700000000000-abcdef"))).isEqualTo(ORDERS);
    }

    @Test
    void an_aws_backup_recovery_point_is_looked_up_in_the_listed_points() {
        assertThat(links.tableArn(job("", RP))).isEqualTo(ORDERS);
    }

    @Test
    void an_unknown_recovery_point_leaves_the_job_unlinked() {
        assertThat(links.tableArn(job(null, RP + "-old"))).isNull();
        assertThat(links.tableArn(job(null, null))).isNull();
    }
}
