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

/** The manual Mailchimp operations over REST, and how they refuse malformed input. */
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
    void manualSyncsSendCustomersAndProducts() throws Exception {
        long customer = shop.customer("cliente@example.it", false, true);
        sandbox.putMember("cliente@example.it", "subscribed");
        long product = shop.product("SKU-1", "10.00");
        shop.variant(product, "SKU-1-RED", "11.00");

        HttpResponse<String> customers = post("/api/mailchimp/sync/customers");
        HttpResponse<String> products = post("/api/mailchimp/sync/products");

        assertThat(customers.statusCode()).isEqualTo(200);
        assertThat(json.readTree(customers.body()).path("entities").path("CUSTOMER").path("created").asInt()).isEqualTo(1);
        assertThat(json.readTree(products.body()).path("entities").path("PRODUCT").path("created").asInt()).isEqualTo(1);
        assertThat(store().product(String.valueOf(product)).orElseThrow().path("variants").get(0).path("sku").asText()).isEqualTo("SKU-1-RED");
        assertThat(store().customer(MailchimpMapper.customerId(new ShopRecords.ShopCustomer(customer, "cliente@example.it",
                null, null, null, true, false, null)))).isPresent();
    }
}
