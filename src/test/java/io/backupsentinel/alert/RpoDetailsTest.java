package io.backupsentinel.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backupsentinel.check.Outcome;
import io.backupsentinel.check.RpoCheck;
import io.backupsentinel.model.Finding;
import io.backupsentinel.model.Severity;
import io.backupsentinel.model.TableRef;
import io.backupsentinel.model.Transition;
import io.backupsentinel.testing.CheckFactsBuilder;
import io.backupsentinel.testing.SpecParams;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.backupsentinel.alert.Findings.KEY;
import static io.backupsentinel.testing.CheckFactsBuilder.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/** The age and RPO in a page come from the rpo check's own words, so this runs the real check. */
class RpoDetailsTest {
    @Test
    void a_page_for_an_rpo_breach_states_the_age_and_the_rpo_the_check_reported() throws Exception {
        RpoCheck check = new RpoCheck();
        TableRef t = TableRef.of(CheckFactsBuilder.ACCOUNT, CheckFactsBuilder.REGION, "orders");
        Outcome o = check.evaluate(CheckFactsBuilder.table("orders").pitrOn(35, Duration.ofHours(26)).build(),
                SpecParams.bind(check, "max_age", "24h"), NOW);
        Finding f = new Finding(t.account(), t.region(), t.name(), t.arn(), "prod-rpo", "rpo", Severity.CRITICAL,
                o.status(), o.observed(), o.expected(), o.message(), NOW);

        String payload = new AlertPolicy(PagerDutySettings.defaults().enabledWith(KEY))
                .decide(List.of(Transition.opened(f)), NOW).get(0).payload();

        JsonNode details = new ObjectMapper().readTree(payload).at("/payload/custom_details");
        assertThat(details.path("age").asText()).isEqualTo("1d2h");
        assertThat(details.path("rpo").asText()).isEqualTo("1d");
    }
}
