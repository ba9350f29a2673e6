package it.ponte.mailchimp;

import it.ponte.Http;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The manual Mailchimp operations over REST: runs of their own, one at a time per kind; and how they refuse malformed input. */
class MailchimpApiTest extends MailchimpSyncTestBase {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private HttpResponse<String> post(String path) throws Exception {
        return Http.postJson(baseUrl() + path, "");
    }

    @Test
    void malformedSinceIsRefusedWithAnItalianProblemDocument() throws Exception {
        HttpResponse<String> answer = post("/api/mailchimp/sync/orders?since=ieri");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json.readTree(answer.body());
        assertThat(problem.path("title").asText()).isEqualTo("Richiesta non valida");
        assertThat(problem.path("detail").asText()).contains("since").contains("ieri");
    }

    @Test
    void retryOfARecordThatIsNotParkedIsNotFound() throws Exception {
        HttpResponse<String> answer = post("/api/mailchimp/parked/999/retry");
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(json.readTree(answer.body()).path("detail").asText()).contains("999");
        assertThat(post("/api/mailchimp/parked/abc/retry").statusCode()).isEqualTo(400);
    }

    @Test
    void manualSyncsAreRunsThatAnswerAtOnceAndEndWithTheirCounts() throws Exception {
        long customer = shop.customer("cliente@example.it", false, true);
        sandbox.putMember("cliente@example.it", "subscribed");
        long product = shop.product("SKU-1", "10.00");
        shop.variant(product, "SKU-1-RED", "11.00");

        HttpResponse<String> customers = post("/api/mailchimp/sync/customers");

        assertThat(customers.statusCode()).isEqualTo(202);
        JsonNode started = json.readTree(customers.body());
        long runId = started.path("runId").asLong();
        assertThat(customers.headers().firstValue("Location")).hasValue("/api/sync/runs/" + runId);
        assertThat(started.path("status").asText()).isEqualTo("/api/sync/runs/" + runId);
        JsonNode customersRun = ended(runId);
        // its report goes to the administrator, as the manual syncs' always did
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> !smtp.messages().isEmpty());

        HttpResponse<String> products = post("/api/mailchimp/sync/products");
        assertThat(products.statusCode()).isEqualTo(202);
        JsonNode productsRun = ended(json.readTree(products.body()).path("runId").asLong());
        assertThat(customersRun.path("mode").asText()).isEqualTo("MAILCHIMP");
        assertThat(customersRun.path("scope").asText()).isEqualTo("CUSTOMERS");
        assertThat(customersRun.path("outcome").asText()).isEqualTo("SUCCEEDED");
        assertThat(customersRun.path("counts").path("mailchimp.customer.created").asInt()).isEqualTo(1);
        assertThat(customersRun.path("counted").asBoolean(true)).as("outside the contract quota").isFalse();
        assertThat(productsRun.path("counts").path("mailchimp.product.created").asInt()).as(productsRun.toString()).isEqualTo(1);
        assertThat(store().product(String.valueOf(product)).orElseThrow().path("variants").get(0).path("sku").asText()).isEqualTo("SKU-1-RED");
        assertThat(store().customer(MailchimpMapper.customerId(new ShopRecords.ShopCustomer(customer, "cliente@example.it",
                null, null, null, true, false, null)))).isPresent();
    }

    @Test
    void aSecondPressWhileOneRunsIsA409NamingTheOneInProgressAndTheSyncRunsAreNotHeldUp() throws Exception {
        for (int i = 0; i < 4; i++) {
            shop.customer("cliente" + i + "@example.it", false, true);
            sandbox.putMember("cliente" + i + "@example.it", "subscribed");
        }
        faults.latency(1500); // a slow Mailchimp: each call takes 1.5 s

        HttpResponse<String> first = post("/api/mailchimp/sync/customers");
        HttpResponse<String> second = post("/api/mailchimp/sync/customers");
        HttpResponse<String> history = post("/api/mailchimp/sync/orders");

        assertThat(first.statusCode()).isEqualTo(202);
        long firstRun = json.readTree(first.body()).path("runId").asLong();
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json.readTree(second.body());
        assertThat(problem.path("runningRunId").asLong()).isEqualTo(firstRun);
        assertThat(problem.path("detail").asText()).contains("clienti").contains("run " + firstRun);
        // the order history too waits for it: the store's is_syncing flag is theirs to share
        assertThat(history.statusCode()).isEqualTo(409);
        assertThat(json.readTree(history.body()).path("detail").asText()).contains("clienti").contains("run " + firstRun);
        assertThat(json.readTree(Http.get(baseUrl() + "/api/sync/runs/" + firstRun).body()).has("endedAt")).as("still running").isFalse();
        // its progress shows, like any run's: the customers owed, and how many are written
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> json.readTree(
                Http.get(baseUrl() + "/api/sync/runs/" + firstRun).body()).path("progress").path("MAILCHIMP").path("total").asInt() == 4);
        // the shop–ERP sync runs have their own lock
        HttpResponse<String> syncRun = Http.postJson(baseUrl() + "/api/sync", "{\"mode\":\"PARTIAL\"}");
        assertThat(syncRun.statusCode()).isEqualTo(202);

        faults.latency(0);
        ended(json.readTree(syncRun.body()).path("runId").asLong());
        JsonNode firstEnded = ended(firstRun);
        assertThat(firstEnded.path("counts").path("mailchimp.customer.created").asInt()).isEqualTo(4);
        assertThat(firstEnded.path("progress").path("MAILCHIMP").path("done").asInt()).isEqualTo(4);
        // once it ended, the same kind may start again
        HttpResponse<String> again = post("/api/mailchimp/sync/customers");
        assertThat(again.statusCode()).isEqualTo(202);
        ended(json.readTree(again.body()).path("runId").asLong());
    }

    private JsonNode ended(long runId) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> json.readTree(Http.get(baseUrl() + "/api/sync/runs/" + runId).body()).has("endedAt"));
        try {
            return json.readTree(Http.get(baseUrl() + "/api/sync/runs/" + runId).body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
