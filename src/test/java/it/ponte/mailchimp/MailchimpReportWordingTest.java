package it.ponte.mailchimp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.ponte.Http;
import it.ponte.sandbox.mail.ReceivedMail;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, the words of a manual sync's report as the administrator receives it (GreenMail): a sync with no carts in
 * scope says nothing of abandoned carts; the history backfill names its date as the orders placed since.
 */
class MailchimpReportWordingTest extends MailchimpSyncTestBase {

    private ReceivedMail theReport() {
        await().atMost(Duration.ofSeconds(10)).until(() -> !smtp.messages().isEmpty());
        assertThat(smtp.messages()).hasSize(1);
        return smtp.messages().get(0);
    }

    @Test
    void aManualSyncOfCustomersSaysNothingOfAbandonedCarts() throws Exception {
        shop.customer("cliente@example.it", false, true);
        sandbox.putMember("cliente@example.it", "subscribed");
        // the automation is paused: a run covering carts would say so
        sandbox.abandonedCartAutomation("paused");

        HttpResponse<String> answer = Http.postJson(baseUrl() + "/api/mailchimp/sync/customers", "");
        assertThat(answer.statusCode()).isEqualTo(202); // a run in the background: its report mail is awaited below

        ReceivedMail report = theReport();
        assertThat(report.text()).contains("Clienti: creati 1").doesNotContain("Carrelli").doesNotContain("carrelli")
                .doesNotContain("Automazione").doesNotContain("Articoli:").doesNotContain("Ordini:");
        assertThat(report.html()).contains("Clienti: creati 1").doesNotContain("arrelli").doesNotContain("Automazione");
    }

    @Test
    void theHistoryBackfillNamesTheOrdersPlacedSince() throws Exception {
        long customer = shop.customer("cliente@example.it", false, true);
        sandbox.putMember("cliente@example.it", "subscribed");
        shop.product("SKU-1", "10.00");
        long order = shop.order(customer, "INVOICED");
        shop.orderRow(order, 1, "SKU-1", 1, "10.00");

        HttpResponse<String> answer = Http.postJson(baseUrl() + "/api/mailchimp/sync/orders?since=2026-01-01T12:00:00Z", "");
        assertThat(answer.statusCode()).isEqualTo(202); // a run in the background: its report mail is awaited below

        ReceivedMail report = theReport();
        // 12:00 UTC is 13:00 in Italy, where the merchant reads it
        assertThat(report.text()).contains("Storico ordini: ordini dal 01/01/2026 13:00").contains("Ordini: creati 1")
                .doesNotContain("variazioni").doesNotContain("Carrelli").doesNotContain("Automazione");
        assertThat(report.html()).contains("Storico ordini: ordini dal 01/01/2026 13:00").doesNotContain("variazioni");
        assertThat(store().order(String.valueOf(order))).isPresent();
    }
}
