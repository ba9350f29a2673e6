package it.ponte.mailchimp;

import it.ponte.Http;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Exactly once, nothing lost: the outbox keeps every owed write through outages and refusals. */
class MailchimpOutboxTest extends MailchimpSyncTestBase {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void mailchimpDownMidRunThenBackLosesNothing() {
        long customer = shop.customer("cliente@example.it", false, true);
        sandbox.putMember("cliente@example.it", "subscribed");
        shop.product("SKU-1", "10.00");
        long[] orders = IntStream.range(0, 6).mapToLong(i -> {
            long order = shop.order(customer, "STORED");
            shop.orderRow(order, 1, "SKU-1", 1, "10.00");
            return order;
        }).toArray();
        // store, customer, product and the first orders go through; then Mailchimp goes down
        faults.downAfter(8);

        MailchimpReport down = sync("TOTAL");
        assertThat(down.counts(MailchimpEntity.ORDER).failedTotal()).isPositive();
        assertThat(store().orderCount()).isLessThan(orders.length);

        faults.down(false);
        openForElapses();
        // the next run only looks at changes since now: what the first run owed must come from the outbox
        MailchimpReport back = sync("CHANGED", java.time.Instant.now().plusSeconds(60));

        assertThat(back.counts(MailchimpEntity.ORDER).failedTotal()).isZero();
        for (long order : orders) {
            assertThat(store().order(String.valueOf(order))).as("order %d", order).isPresent();
            assertThat(shop.outboxStatus("ORDER", order)).isEqualTo("DONE");
        }
        assertThat(store().orderCount()).isEqualTo(orders.length);
        assertThat(postsOf("/orders")).isEqualTo(orders.length);
        // an outage does not count towards parking
        assertThat(shopJdbc.queryForObject("SELECT MAX(attempts) FROM mailchimp_outbox", java.util.Map.of(), Integer.class)).isZero();
    }

    @Test
    void failingRecordIsParkedAfterMaxAttemptsAndDoesNotBlockOthers() throws Exception {
        long customer = shop.customer("cliente@example.it", false, true);
        sandbox.putMember("cliente@example.it", "subscribed");
        shop.product("SKU-1", "10.00");
        long refused = shop.order(customer, "STORED", "ZZZ");
        shop.orderRow(refused, 1, "SKU-1", 1, "10.00");
        long good = shop.order(customer, "STORED");
        shop.orderRow(good, 1, "SKU-1", 1, "10.00");

        MailchimpReport report = null;
        for (int run = 1; run <= properties.maxAttempts(); run++) {
            report = sync("TOTAL");
            assertThat(shop.outboxStatus("ORDER", refused)).isEqualTo(run < properties.maxAttempts() ? "PENDING" : "PARKED");
        }
        assertThat(store().order(String.valueOf(good))).isPresent();
        assertThat(store().order(String.valueOf(refused))).isEmpty();
        assertThat(report.parked()).singleElement().satisfies(p -> {
            assertThat(p.entityId()).isEqualTo(refused);
            assertThat(p.lastError()).contains("currency_code");
        });
        assertThat(report.counts(MailchimpEntity.ORDER).parked()).isEqualTo(1);

        // parked: later runs leave it alone
        sync("TOTAL");
        assertThat(shop.outboxStatus("ORDER", refused)).isEqualTo("PARKED");

        HttpResponse<String> parked = Http.get(baseUrl() + "/api/mailchimp/parked");
        JsonNode list = json.readTree(parked.body());
        assertThat(list).hasSize(1);
        long outboxId = list.get(0).path("id").asLong();
        assertThat(list.get(0).path("lastError").asText()).contains("currency_code");

        // the merchant fixes the order and retries it on demand
        shopJdbc.update("UPDATE shop_order SET currency = 'EUR' WHERE id = :id", java.util.Map.of("id", refused));
        HttpResponse<String> retried = Http.postJson(baseUrl() + "/api/mailchimp/parked/" + outboxId + "/retry", "");
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(json.readTree(retried.body()).path("record").path("status").asText()).isEqualTo("DONE");
        assertThat(store().order(String.valueOf(refused))).isPresent();
    }
}
