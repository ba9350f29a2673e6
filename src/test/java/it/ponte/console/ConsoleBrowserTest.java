package it.ponte.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.ponte.Http;
import it.ponte.amazon.SpApiOperation;
import java.time.Instant;
import it.ponte.SyncTestBase;
import it.ponte.sandbox.amazon.SandboxOrder;
import it.ponte.sync.SyncMode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The admin console end to end in a real headless Chromium, against Ponte with the sandbox over real HTTP: what the
 * merchant clicks reaches the API, and what the API answers (progress, states, refusals) reaches the page.
 * Run alone with {@code ./mvnw -B verify -Dgroups=browser} (or {@code -Dtest='Console*Test'}).
 */
@Tag("browser")
class ConsoleBrowserTest extends SyncTestBase {

    private ConsoleBrowser browser;

    private ConsoleBrowser open(String user) {
        return open(user, "it");
    }

    private ConsoleBrowser open(String user, String language) {
        browser = new ConsoleBrowser(baseUrl(), language);
        return browser.logIn(user);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anOperatorStartsARunAndWatchesEveryPhaseReachTheEnd() {
        SandboxOrder order = fixtures.amazonOrder();
        ConsoleBrowser console = open(Http.OPERATOR);
        assertThat(console.text("#me-name")).isEqualTo("operatore");

        new Select(console.find("#run-mode")).selectByValue("PARTIAL");
        console.find("#run-start").click();

        console.waitFor(d -> !console.attribute("#run-current", "data-run-id").isEmpty());
        String runId = console.find("#run-current").getAttribute("data-run-id");
        assertThat(console.text("#status")).contains("#" + runId);
        console.waiting(Duration.ofSeconds(90)).until(d -> "true".equals(console.attribute("#run-current", "data-ended")));

        assertThat(console.find("#run-current-outcome").getAttribute("data-value")).isEqualTo("SUCCEEDED");
        assertThat(console.text("#run-current-outcome")).isEqualTo("Riuscita");
        assertThat(console.all("#run-phases li")).hasSize(6)
                .allSatisfy(phase -> assertThat(phase.getAttribute("data-stage")).isEqualTo("done"));
        assertThat(console.text("#run-current-counts")).as("the run's counts are shown").isNotBlank();
        console.waitFor(d -> d.findElement(By.cssSelector("#runs-table tbody tr[data-run-id='" + runId + "']")).getText().contains("Riuscita"));
        // the run really imported the order the page followed
        assertThat(fixtures.shopId(order.orderId())).isPositive();
    }

    @Test
    void whileThePollWaitsForAmazonsRateBudgetTheDashboardShowsWhenTheNextPageIsAllowed() throws Exception {
        fixtures.amazonOrder();
        ConsoleBrowser console = open(Http.OPERATOR);
        new Select(console.find("#run-mode")).selectByValue("PARTIAL");
        // Amazon's budget for it-main's searchOrders is down to one page every 15 s, and its burst spent
        spApiRateLimiter.observeRate("it-main", SpApiOperation.SEARCH_ORDERS, 1.0 / 15);
        for (int i = 0; i < SpApiOperation.SEARCH_ORDERS.burst(); i++) {
            spApiRateLimiter.acquire("it-main", SpApiOperation.SEARCH_ORDERS);
        }
        console.find("#run-start").click();

        console.waiting(Duration.ofSeconds(20)).until(d -> "true".equals(console.attribute("#run-current-amazon-wait", "data-waiting")));
        String runId = console.attribute("#run-current", "data-run-id");
        JsonNode wait = new ObjectMapper().readTree(Http.get(baseUrl() + "/api/sync/runs/" + runId).body()).path("amazonWait");
        String nextPageAt = console.attribute("#run-current-amazon-wait", "data-next-page-at");
        assertThat(Instant.parse(nextPageAt)).isAfter(Instant.now().minusSeconds(1)).isBefore(Instant.now().plusSeconds(16));
        assertThat(wait.path("nextPageAt").asText()).isEqualTo(nextPageAt);
        assertThat(wait.path("accountId").asText()).isEqualTo("it-main");
        String shown = console.text("#run-current-amazon-wait");
        // the time as the merchant's browser tells it
        String localTime = (String) ((org.openqa.selenium.JavascriptExecutor) console.driver).executeScript(
                "return new Date(arguments[0]).toLocaleTimeString('it-IT', {hour: '2-digit', minute: '2-digit', second: '2-digit'})", nextPageAt);
        assertThat(shown).contains("prossima pagina consentita alle " + localTime).contains("it-main");
        assertThat(console.text("#run-current-outcome")).isEqualTo("In corso");

        // the page came: the wait is gone, and the run goes to its end
        console.waiting(Duration.ofSeconds(90)).until(d -> "true".equals(console.attribute("#run-current", "data-ended")));
        assertThat(console.find("#run-current-amazon-wait").isDisplayed()).isFalse();
        assertThat(console.find("#run-current-outcome").getAttribute("data-value")).isEqualTo("SUCCEEDED");
    }

    /** The limiter is shared by the context: the next tests get the sandbox's fast rate back. */
    @AfterEach
    void fastRateAgain() {
        amazonProperties.accounts().forEach(a -> spApiRateLimiter.observeRate(a.id(), SpApiOperation.SEARCH_ORDERS, 1000));
    }

    @Test
    void theAdministratorShipsAnOrderAndSeesItsStateChangeThenARefundRefusedWithTheServersReason() {
        SandboxOrder order = fixtures.amazonOrder();
        sync.run(SyncMode.PARTIAL);
        ConsoleBrowser console = open(Http.ADMIN);
        console.find("#tab-orders").click();
        String row = "#orders-table tr[data-amazon-order-id='" + order.orderId() + "']";
        assertThat(console.find(row + " .chip").getAttribute("data-value")).isEqualTo("STORED");
        assertThat(console.find(row + " .chip").getText()).isEqualTo("Memorizzato");

        console.find(row + " .action-ship").click();
        console.find("#ship-carrier").sendKeys("BRT");
        console.find("#ship-tracking").sendKeys("BRT-4242");
        console.find("#ship-submit").click();

        console.waitFor(d -> "PENDING_SHIPMENT".equals(console.attribute(row + " .chip", "data-value")));
        assertThat(console.find(row).getText()).contains("BRT").contains("BRT-4242");
        long id = fixtures.shopId(order.orderId());
        assertThat(fixtures.order(id)).containsEntry("amazon_state", "PENDING_SHIPMENT").containsEntry("carrier", "BRT");

        // a refund before Amazon confirmed the shipment: the server refuses it, the dialog says why in its words
        console.find(row + " .action-refund").click();
        new Select(console.find("#refund-reason")).selectByValue("CustomerReturn");
        console.find("#refund-submit").click();

        WebElement error = console.find("#refund-error");
        console.waitFor(d -> !error.getText().isBlank());
        assertThat(error.getText()).contains("Rifiutato").contains(order.orderId()).contains("PENDING_SHIPMENT")
                .contains("non può passare a PENDING_REFUND");
        assertThat(fixtures.order(id)).containsEntry("amazon_state", "PENDING_SHIPMENT");
    }

    @Test
    void anOperatorRetriesAParkedAmazonCommandAndItLeavesTheParkedList() {
        SandboxOrder order = fixtures.amazonOrder();
        sync.run(SyncMode.PARTIAL);
        long commandId = parkedShipment(order, "HTTP 400 InvalidInput: confirmShipment refused the package reference");
        ConsoleBrowser console = open(Http.OPERATOR);
        console.find("#tab-parked").click();
        String row = "#amazon-parked-table tr[data-parked-id='" + commandId + "']";
        assertThat(console.find(row).getText()).contains("InvalidInput").contains("SHIPMENT");

        console.find(row + " .action-retry").click();

        console.waitFor(d -> d.findElements(By.cssSelector(row)).isEmpty());
        assertThat(console.text("#status")).contains("#" + commandId);
        assertThat(shopJdbc.queryForMap("SELECT status, attempts FROM amazon_outbox WHERE id = :id", Map.of("id", commandId)))
                .containsEntry("status", "PENDING").containsEntry("attempts", 0);
    }

    @Test
    void anOperatorRetriesAnOrderParkedForTheErpFromTheParkedTab() {
        long order = fixtures.webOrder("REGISTERED");
        // parked as the ERP insert leaves it after its last attempt (how it gets there: PoisonRecordsTest)
        shopJdbc.update("UPDATE shop_order SET erp_attempts = 5, erp_parked_at = NOW(3), erp_error = :e WHERE id = :id",
                Map.of("e", "Out of range value for column 'quantity' at row 1 (erp-document-rows)", "id", order));
        ConsoleBrowser console = open(Http.OPERATOR);
        console.find("#tab-parked").click();
        String row = "#erp-parked-table tr[data-parked-id='" + order + "']";
        assertThat(console.find(row).getText()).contains("WEB-" + order).contains("quantity").contains("5");

        console.find(row + " .action-retry").click();

        console.waitFor(d -> d.findElements(By.cssSelector(row)).isEmpty());
        assertThat(console.text("#status")).contains("#" + order);
        assertThat(fixtures.order(order)).containsEntry("erp_attempts", 0).containsEntry("erp_parked_at", null);
    }

    @Test
    void aViewerSeesTheConsoleButNoActionButton() {
        SandboxOrder order = fixtures.amazonOrder();
        SandboxOrder shipped = fixtures.amazonOrder();
        sync.run(SyncMode.PARTIAL);
        long commandId = parkedShipment(shipped, "HTTP 400 InvalidInput");
        ConsoleBrowser console = open(Http.VIEWER);
        assertThat(console.text("#me-role")).isEqualTo("Lettore");

        assertThat(console.find("#run-start").isDisplayed()).isFalse();
        assertThat(console.find("#mc-sync-customers").isDisplayed()).isFalse();
        assertThat(console.all("#amazon-order-syncs button")).isEmpty();
        // the viewer reads the runs
        console.waitFor(d -> d.findElement(By.cssSelector("#runs-table tbody tr")).getText().contains("Riuscita"));

        console.find("#tab-orders").click();
        console.find("#orders-table tr[data-amazon-order-id='" + order.orderId() + "']");
        assertThat(console.all("#orders-table button")).isEmpty();

        console.find("#tab-parked").click();
        console.find("#amazon-parked-table tr[data-parked-id='" + commandId + "']");
        assertThat(console.all("#amazon-parked-table button, #mailchimp-parked-table button")).isEmpty();
        assertThat(console.find("#amazon-retry-all").isDisplayed()).isFalse();
    }

    @Test
    void theAdministratorRunsTheGoLiveCheckAndReadsTheMissingPieceInWordsAViewerHasNoSuchPage() {
        mail.stop();
        try {
            ConsoleBrowser console = open(Http.ADMIN);
            console.find("#tab-preflight").click();
            console.find("#preflight-run").click();

            String smtp = "#preflight-table tr[data-check='smtp']";
            console.waiting(Duration.ofSeconds(60)).until(d -> !d.findElements(By.cssSelector(smtp)).isEmpty());
            assertThat(console.attribute(smtp, "data-status")).isEqualTo("FAILED");
            assertThat(console.text(smtp + " .chip")).isEqualTo("Errore");
            assertThat(console.text(smtp)).contains("Server di posta").contains("non risponde");
            assertThat(console.attribute("#preflight-table tr[data-check='database.shop']", "data-status")).isEqualTo("OK");
            assertThat(console.text("#preflight-summary")).contains("Non ancora pronto");
        } finally {
            mail.start();
            browser.close();
            browser = null;
        }

        ConsoleBrowser viewer = open(Http.VIEWER);
        assertThat(viewer.find("#tab-preflight").isDisplayed()).isFalse();
    }

    @Test
    void theLatestReportIsShownAsTheAdministratorReceivedItInEnglishOnAnEnglishBrowser() {
        SandboxOrder order = fixtures.amazonOrder();
        sync.run(SyncMode.PARTIAL);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !mail.messages().isEmpty());
        String subject = mail.messages().get(0).subject();
        ConsoleBrowser console = open(Http.VIEWER, "en");
        assertThat(console.text("#tab-orders")).isEqualTo("Amazon – Orders");

        console.find("#tab-reports").click();

        console.waitFor(d -> subject.equals(d.findElement(By.id("report-subject")).getText()));
        console.driver.switchTo().frame(console.find("#report-frame"));
        console.waitFor(d -> !d.findElement(By.tagName("body")).getText().isBlank());
        assertThat(console.driver.findElement(By.tagName("body")).getText()).contains(order.orderId());
        console.driver.switchTo().defaultContent();
        assertThat(console.text("#report-text-box summary")).isEqualTo("Plain text");
    }

    @Test
    void signingOutEndsTheSession() {
        ConsoleBrowser console = open(Http.ADMIN);
        console.find("#logout").click();

        console.waitFor(d -> d.getCurrentUrl().contains("/console/login?logout"));
        console.driver.get(baseUrl() + "/console/");
        console.waitFor(d -> d.getCurrentUrl().contains("/console/login"));
        assertThat(console.all("#login-submit")).hasSize(1);
    }

    /** A shipment Amazon refused often enough to be parked, as the outbox keeps it (how it gets there: AmazonFailurePolicyTest). */
    private long parkedShipment(SandboxOrder imported, String reason) {
        long id = fixtures.shopId(imported.orderId());
        assertThat(Http.postJson(baseUrl() + "/api/amazon/orders/" + id + "/ship",
                "{\"carrier\":\"BRT\",\"shipDate\":\"2026-11-24T09:00:00Z\",\"trackingNumber\":\"BRT42\"}").statusCode()).isEqualTo(200);
        shopJdbc.update("UPDATE amazon_outbox SET status = 'PARKED', attempts = 5, last_error = :reason WHERE order_id = :id",
                Map.of("id", id, "reason", reason));
        return shopJdbc.queryForObject("SELECT id FROM amazon_outbox WHERE order_id = :id", Map.of("id", id), Long.class);
    }
}
