package it.ponte.mailchimp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, carts are never lost: a cart that changed while it could not be sent (automation paused, automation or
 * store check failed) is sent by the first run after the condition clears, not by the next TOTAL or its next change.
 */
class MailchimpCartsNeverLostTest extends MailchimpSyncTestBase {


    @Test
    void cartChangedWhileTheAutomationWasPausedIsSentByTheFirstRunAfterItResumes() {
        long cart = memberCart();
        sandbox.abandonedCartAutomation("paused");

        MailchimpReport paused = sync("CHANGED", Instant.now().minusSeconds(3600));
        assertThat(store().cart(String.valueOf(cart))).isEmpty();
        assertThat(paused.counts(MailchimpEntity.CART).skipped(MailchimpVerdict.QUEUED)).isEqualTo(1);

        sandbox.abandonedCartAutomation("sending");
        // the cart did not change since this run's predecessor started: only the queue can bring it
        MailchimpReport resumed = sync("CHANGED", Instant.now());

        assertThat(store().cart(String.valueOf(cart))).isPresent();
        assertThat(resumed.counts(MailchimpEntity.CART).created()).isEqualTo(1);
        assertThat(store().notifications()).contains("abandoned-cart " + cart);
    }

    @Test
    void cartChangedWhileTheAutomationCheckFailedIsSentByTheNextRun() {
        long cart = memberCart();
        faults.unreadableAnswerOnce("/automations");

        MailchimpReport failed = sync("PARTIAL", Instant.now().minusSeconds(3600));
        assertThat(failed.carts()).isEqualTo(MailchimpVerdict.AUTOMATION_UNKNOWN);
        assertThat(store().cart(String.valueOf(cart))).isEmpty();

        sync("PARTIAL", Instant.now());

        assertThat(store().cart(String.valueOf(cart))).isPresent();
    }

    @Test
    void reportSpeaksOfAQueueOnlyWhenSomethingIsQueued() {
        sandbox.abandonedCartAutomation("paused");

        Map<String, Object> headers = new HashMap<>();
        headers.put("syncRunId", 9L);
        headers.put("syncMode", "TOTAL");
        MailchimpReport report = producer.requestBodyAndHeaders("direct:mailchimp-sync", null, headers, MailchimpReport.class);

        assertThat(report.counts(MailchimpEntity.CART).skipped(MailchimpVerdict.QUEUED)).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> !smtp.messages().isEmpty());
        String text = smtp.messages().get(0).text();
        assertThat(text).contains("Carrelli abbandonati: non inviati - l'automazione carrelli abbandonati non è attiva");
        assertThat(text).doesNotContain("in coda").doesNotContain("restano");

        smtp.purge();
        memberCart();
        headers.put("syncRunId", 10L);
        producer.requestBodyAndHeaders("direct:mailchimp-sync", null, headers, MailchimpReport.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> !smtp.messages().isEmpty());
        assertThat(smtp.messages().get(0).text()).contains("in coda: partono con la prima sincronizzazione che può inviarli");
    }
}
