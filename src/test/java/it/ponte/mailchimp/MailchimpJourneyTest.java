package it.ponte.mailchimp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.ponte.sandbox.mailchimp.SandboxMailchimpState;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: an abandoned-cart e-mail built as a Customer Journey cannot be read through the API. The merchant may
 * declare it active; the report then says "non verificabile: dichiarata attiva", never "non attiva".
 */
class MailchimpJourneyTest extends MailchimpSyncTestBase {


    private String reportMailText() {
        Map<String, Object> headers = new HashMap<>();
        headers.put("syncRunId", 7L);
        headers.put("syncMode", "TOTAL");
        producer.requestBodyAndHeaders("direct:mailchimp-sync", null, headers, MailchimpReport.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> !smtp.messages().isEmpty());
        return smtp.messages().get(0).text();
    }

    @Test
    void cartsAreSentToAJourneyTheMerchantDeclaredActive() {
        long cart = memberCart();
        sandbox.abandonedCartAutomation(SandboxMailchimpState.JOURNEY);
        shop.setting(MailchimpAutomationCheck.DECLARED_ACTIVE_SETTING, "true");

        String text = reportMailText();

        assertThat(store().cart(String.valueOf(cart))).isPresent();
        assertThat(store().notifications()).contains("abandoned-cart " + cart);
        assertThat(text).contains("Carrelli abbandonati: inviati");
        assertThat(text).contains("Automazione carrelli abbandonati: non verificabile: dichiarata attiva");
        assertThat(text).doesNotContain("non è attiva").doesNotContain("non attiva");
    }

    @Test
    void undeclaredJourneyIsReportedNotVerifiableNotInactive() {
        long cart = memberCart();
        sandbox.abandonedCartAutomation(SandboxMailchimpState.JOURNEY);

        String text = reportMailText();

        assertThat(store().cart(String.valueOf(cart))).isEmpty();
        assertThat(text).contains("Carrelli abbandonati: non inviati - non verificabile");
        assertThat(text).contains("Automazione carrelli abbandonati: non verificabile");
        assertThat(text).doesNotContain("non è attiva").doesNotContain("non attiva");
    }

    @Test
    void aClassicAutomationTheApiReadsWinsOverTheDeclaration() {
        long cart = memberCart();
        sandbox.abandonedCartAutomation("paused");
        shop.setting(MailchimpAutomationCheck.DECLARED_ACTIVE_SETTING, "true");

        MailchimpReport report = sync("TOTAL");

        assertThat(store().cart(String.valueOf(cart))).isEmpty();
        assertThat(report.carts()).isEqualTo(MailchimpVerdict.AUTOMATION_PAUSED);
    }
}
