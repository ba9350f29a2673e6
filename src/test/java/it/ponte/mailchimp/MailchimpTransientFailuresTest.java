package it.ponte.mailchimp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mailchimp busy for a moment is an outage, not a refusal: the call is repeated (routes/mailchimp-api.camel.yaml) and the record sent. */
class MailchimpTransientFailuresTest extends MailchimpSyncTestBase {

    private long orderOfAMember() {
        long customer = shop.customer("cliente@example.it", false, true);
        sandbox.putMember("cliente@example.it", "subscribed");
        shop.product("SKU-1", "10.00");
        long order = shop.order(customer, "STORED");
        shop.orderRow(order, 1, "SKU-1", 1, "10.00");
        return order;
    }

    private long faults(String status) {
        return sandbox.requests().stream().filter(r -> r.startsWith("FAULT " + status + " ")).count();
    }

    @Test
    void mailchimpUnavailableForAMomentIsRetriedAndTheOrderStillSent() {
        long order = orderOfAMember();
        faults.failNext(3, 503);

        MailchimpReport report = sync("TOTAL");

        assertThat(faults("503")).isEqualTo(3);
        assertThat(report.storeProblem()).isNull();
        assertThat(report.counts(MailchimpEntity.ORDER).created()).isEqualTo(1);
        assertThat(report.counts(MailchimpEntity.ORDER).failedTotal()).isZero();
        assertThat(store().order(String.valueOf(order))).isPresent();
        assertThat(shop.outboxStatus("ORDER", order)).isEqualTo("DONE");
        assertThat(shopJdbc.queryForObject("SELECT MAX(attempts) FROM mailchimp_outbox", Map.of(), Integer.class)).isZero();
    }

    @Test
    void mailchimpAskingToWaitIsWaitedForBeforeTheNextTry() {
        long order = orderOfAMember();
        // far beyond the test's redelivery backoff (20-200 ms): only Retry-After explains such a wait
        faults.failNext(1, 429, 2L);

        long started = System.nanoTime();
        MailchimpReport report = sync("TOTAL");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(faults("429")).isEqualTo(1);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(report.counts(MailchimpEntity.ORDER).created()).isEqualTo(1);
        assertThat(shop.outboxStatus("ORDER", order)).isEqualTo("DONE");
    }

    @Test
    void gatewayRefusalUnderLoadIsAnOutageNotARefusal() {
        long order = orderOfAMember();
        // Mailchimp's gateway sheds load with an HTML 403: not a problem document, so not about the account
        faults.failNext(2, 403);

        MailchimpReport report = sync("TOTAL");

        assertThat(faults("403")).isEqualTo(2);
        assertThat(report.counts(MailchimpEntity.ORDER).failedTotal()).isZero();
        assertThat(shop.outboxStatus("ORDER", order)).isEqualTo("DONE");
    }
}
