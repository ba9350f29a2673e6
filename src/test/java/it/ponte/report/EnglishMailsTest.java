package it.ponte.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.ponte.Http;
import it.ponte.SyncTestBase;
import it.ponte.mailchimp.MailchimpReport;
import it.ponte.sandbox.amazon.FulfillmentStatus;
import it.ponte.sandbox.amazon.SandboxOrder;
import it.ponte.sandbox.mail.ReceivedMail;
import it.ponte.sandbox.mailchimp.SandboxMailchimpState;
import it.ponte.sync.SyncMode;
import it.ponte.sync.SyncRun;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A merchant who reads English ({@code ponte.report.language: en}): its own Ponte (a second context), since the
 * language is chosen once per installation. The run report, the Mailchimp sync report and the API's problem
 * messages all speak English, as the SMTP server and an HTTP client receive them.
 */
@TestPropertySource(properties = {"ponte.report.language=en", "spring.jmx.enabled=false"})
@org.apache.camel.test.spring.junit5.DisableJmx
class EnglishMailsTest extends SyncTestBase {

    @Autowired
    SandboxMailchimpState mailchimp;
    @Autowired
    ProducerTemplate producer;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void freshMailchimp() {
        mailchimp.reset();
    }

    @Test
    void theRunReportSpeaksEnglishInBothParts() {
        SandboxOrder imported = fixtures.amazonOrder();
        SandboxOrder pending = amazon.addOrder(new it.ponte.sandbox.amazon.NewOrder(null, null, FulfillmentStatus.PENDING,
                it.ponte.sandbox.amazon.FulfilledBy.MERCHANT, null, "Paul Pending", "paul@marketplace.amazon.it",
                new it.ponte.sandbox.amazon.SandboxAddress("Paul Pending", "Via Attesa 1", null, "Milano", "MI", "20121", "IT", null),
                java.util.List.of(new it.ponte.sandbox.amazon.NewOrder.Item("PONTE-MOKA-3", "Moka", 1, new java.math.BigDecimal("24.50"))),
                new java.math.BigDecimal("4.90"), java.time.Instant.now().minusSeconds(1800), java.time.Instant.now().minusSeconds(1800))
                .withSellerId("A2PONTEOTHER"));

        SyncRun run = sync.run(SyncMode.PARTIAL);

        ReceivedMail report = theOnlyMail();
        assertThat(report.subject()).startsWith("Ponte – sync #" + run.id() + " (Partial): ").contains("Amazon orders imported: 1");
        assertThat(report.text()).contains("Report of sync run #" + run.id()).contains("Orders imported from Amazon: 1")
                .contains(imported.orderId() + " of ").contains("customer Rita Amazon").contains("(new)").contains("total 68.80 EUR")
                .contains("ERP document AMZ/")
                .contains("Orders waiting for data from Amazon").contains(pending.orderId())
                .contains("Amazon has not given the buyer's e-mail yet");
        assertThat(report.html()).contains("<html lang=\"en\">").contains("Orders imported from Amazon: 1").contains("customer Rita Amazon")
                .contains("Amazon has not given the buyer&#39;s e-mail yet");
        for (String italian : new String[] {"Ordini", "cliente", "documento", "totale", "sincronizzazione", "Modalità"}) {
            assertThat(report.text()).doesNotContain(italian);
            assertThat(report.html()).doesNotContain(italian);
            assertThat(report.subject()).doesNotContain(italian);
        }
    }

    @Test
    void theMailchimpSyncReportSpeaksEnglish() {
        Map<String, Object> headers = new HashMap<>();
        headers.put("syncRunId", 7L);
        headers.put("syncMode", "TOTAL");
        mailchimp.abandonedCartAutomation("paused");
        shopJdbc.update("INSERT IGNORE INTO product (sku, title, price) VALUES ('PONTE-MOKA-3', 'Moka in alluminio 3 tazze', 30.00)", Map.of());

        producer.requestBodyAndHeaders("direct:mailchimp-sync", null, headers, MailchimpReport.class);

        ReceivedMail report = theOnlyMail();
        assertThat(report.subject()).startsWith("Ponte – Mailchimp sync report #7");
        assertThat(report.text()).contains("Mailchimp sync report").contains("Products: created").contains("Orders: created 0")
                .contains("Abandoned carts: not sent - the abandoned-cart automation is not active").contains("Abandoned-cart automation: paused")
                .doesNotContain("Ordini").doesNotContain("creati").doesNotContain("Carrelli");
        assertThat(report.html()).contains("Products: created").doesNotContain("Articoli");
    }

    @Test
    void theHistoryBackfillReportNamesTheOrdersPlacedSinceAndNoCarts() throws Exception {
        shopJdbc.update("INSERT IGNORE INTO product (sku, title, price) VALUES ('PONTE-MOKA-3', 'Moka in alluminio 3 tazze', 30.00)", Map.of());
        long order = fixtures.webOrder("STORED");
        mailchimp.putMember(shopJdbc.queryForObject("SELECT c.email FROM customer c JOIN shop_order o ON o.customer_id = c.id WHERE o.id = :id",
                Map.of("id", order), String.class), "subscribed");
        HttpResponse<String> answer = Http.postJson(baseUrl() + "/api/mailchimp/sync/orders?since=2026-01-01T12:00:00Z", "");
        assertThat(answer.statusCode()).isEqualTo(202); // a run in the background: its report mail is awaited below

        ReceivedMail report = theOnlyMail();
        assertThat(report.text()).contains("Order history: orders placed since 01/01/2026 13:00").contains("Orders: created 1")
                .doesNotContain("changes since")
                .doesNotContain("Abandoned").doesNotContain("ordini dal");
    }

    @Test
    void theApiProblemMessagesSpeakEnglish() throws Exception {
        HttpResponse<String> missing = Http.postJson(baseUrl() + "/api/mailchimp/parked/987654/retry", "");
        assertThat(missing.statusCode()).isEqualTo(404);
        JsonNode problem = json.readTree(missing.body());
        assertThat(problem.path("detail").asText()).isEqualTo("No parked Mailchimp record with id 987654");

        HttpResponse<String> badSince = Http.postJson(baseUrl() + "/api/mailchimp/sync/orders?since=yesterday", "");
        assertThat(json.readTree(badSince.body()).path("detail").asText()).startsWith("Parameter 'since' is not an ISO-8601 date");
    }

    private ReceivedMail theOnlyMail() {
        await().atMost(Duration.ofSeconds(10)).until(() -> !mail.messages().isEmpty());
        assertThat(mail.messages()).hasSize(1);
        return mail.messages().get(0);
    }
}
