package it.ponte.mailchimp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Seeds 000 and 003: after the sync the administrator receives a report naming every skip and failure with its reason. */
class MailchimpReportMailTest extends MailchimpSyncTestBase {

    @Test
    void reportMailListsCountsAndReasons() throws Exception {
        long member = shop.customer("iscritto@example.it", false, true);
        long outside = shop.customer("estraneo@example.it", false, true);
        sandbox.putMember("iscritto@example.it", "subscribed");
        shop.product("SKU-1", "10.00");
        long sent = shop.order(member, "STORED");
        shop.orderRow(sent, 1, "SKU-1", 1, "10.00");
        long skipped = shop.order(outside, "STORED");
        shop.orderRow(skipped, 1, "SKU-1", 1, "10.00");
        long refused = shop.order(member, "STORED", "ZZZ");
        shop.orderRow(refused, 1, "SKU-1", 1, "10.00");
        sandbox.abandonedCartAutomation("paused");

        Map<String, Object> headers = new HashMap<>();
        headers.put("syncRunId", 42L);
        headers.put("syncMode", "TOTAL");
        producer.requestBodyAndHeaders("direct:mailchimp-sync", null, headers, MailchimpReport.class);

        await().atMost(Duration.ofSeconds(10)).until(() -> !smtp.messages().isEmpty());
        it.ponte.sandbox.mail.ReceivedMail mail = smtp.messages().get(0);
        String text = mail.text();
        assertThat(mail.subject()).contains("report sincronizzazione Mailchimp").contains("#42").contains("con errori");
        assertThat(mail.to().get(0)).isEqualTo("amministratore@localhost");
        assertThat(text).contains("Ordini: creati 1, aggiornati 0, non inviati 1, in errore 1");
        assertThat(text).contains("l'indirizzo e-mail non è nella lista collegata allo store): 1");
        assertThat(text).contains("currency_code");
        assertThat(text).contains("Carrelli abbandonati: non inviati - l'automazione carrelli abbandonati non è attiva");
        assertThat(text).contains("Automazione carrelli abbandonati: paused");
    }
}
