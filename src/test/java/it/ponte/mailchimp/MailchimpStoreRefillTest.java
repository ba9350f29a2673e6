package it.ponte.mailchimp;

import com.fasterxml.jackson.databind.JsonNode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import it.ponte.Http;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, a store emptied, deleted or recreated is refilled: what Ponte believes it sent is tied to the store (its id,
 * list and Mailchimp's {@code created_at}), so the next TOTAL sends customers, products, orders and carts again, as a
 * history load (no order notification), and the manual syncs send what they are asked to send. The administrator's
 * doings in Mailchimp are the sandbox's switches, over HTTP.
 */
class MailchimpStoreRefillTest extends MailchimpSyncTestBase {

    private final ObjectMapper json = new ObjectMapper();

    private long customer;
    private long product;
    private long order;
    private long cart;

    /** A member with an order and an open cart, all of it in the store after a first TOTAL. */
    @BeforeEach
    void storeFilledByAFirstTotal() {
        customer = shop.customer("cliente@example.it", false, true);
        sandbox.putMember("cliente@example.it", "subscribed");
        product = shop.product("SKU-1", "10.00");
        order = shop.order(customer, "INVOICED");
        shop.orderRow(order, 1, "SKU-1", 1, "10.00");
        cart = shop.cart(customer);
        shop.cartRow(cart, "SKU-1", 2, "10.00");
        sync("TOTAL");
        assertThat(holdsEverything()).isTrue();
    }

    private boolean holdsEverything() {
        return store().customer(customerId()).isPresent() && store().product(String.valueOf(product)).isPresent()
                && store().order(String.valueOf(order)).isPresent() && store().cart(String.valueOf(cart)).isPresent();
    }

    private String customerId() {
        return MailchimpMapper.customerId(new ShopRecords.ShopCustomer(customer, "cliente@example.it", null, null, null, true, false, null));
    }

    private void administrator(String action) throws Exception {
        HttpResponse<String> answer = Http.postJson(baseUrl() + "/sandbox/mailchimp/admin/stores/" + properties.storeId() + "/" + action, "{}");
        assertThat(answer.statusCode()).isEqualTo(200);
    }

    @Test
    void anUntouchedStoreGetsNothingAgain() {
        MailchimpReport again = sync("TOTAL");

        for (MailchimpEntity entity : MailchimpEntity.values()) {
            assertThat(again.counts(entity).created() + again.counts(entity).updated()).as(entity.name()).isZero();
        }
        assertThat(again.counts(MailchimpEntity.ORDER).skipped(MailchimpVerdict.UNCHANGED)).isEqualTo(1);
    }

    @Test
    void anEmptiedStoreIsRefilledByTheNextTotalWithoutOrderNotifications() throws Exception {
        administrator("empty");
        assertThat(store().orderCount()).isZero();

        MailchimpReport refill = sync("TOTAL");

        assertThat(holdsEverything()).isTrue();
        assertThat(store().order(String.valueOf(order)).orElseThrow().path("financial_status").asText()).isEqualTo("paid");
        assertThat(refill.counts(MailchimpEntity.CUSTOMER).created()).isEqualTo(1);
        assertThat(refill.counts(MailchimpEntity.PRODUCT).created()).isEqualTo(1);
        assertThat(refill.counts(MailchimpEntity.ORDER).created()).isEqualTo(1);
        assertThat(refill.counts(MailchimpEntity.CART).created()).isEqualTo(1);
        // the refill is a history load: is_syncing set again before the old order went back, cleared after it
        assertThat(store().syncingChanges()).containsExactly("true@0", "false@1", "true@0", "false@1");
        assertThat(store().notifications()).noneMatch(n -> n.startsWith("order "));
        assertThat(store().isSyncing()).isFalse();
    }

    @Test
    void aStoreDeletedInMailchimpIsCreatedAndRefilled() throws Exception {
        administrator("delete");

        sync("TOTAL");

        assertThat(holdsEverything()).isTrue();
        assertThat(store().notifications()).noneMatch(n -> n.startsWith("order "));
    }

    @Test
    void aStoreRecreatedUnderTheSameIdIsRefilled() throws Exception {
        String before = store().createdAt();
        administrator("recreate");
        assertThat(store().orderCount()).isZero();
        assertThat(store().createdAt()).isNotEqualTo(before);

        MailchimpReport refill = sync("TOTAL");

        assertThat(holdsEverything()).isTrue();
        assertThat(refill.counts(MailchimpEntity.ORDER).created()).isEqualTo(1);
        assertThat(store().notifications()).noneMatch(n -> n.startsWith("order "));
    }

    @Test
    void whatWasWrittenUnderAnotherStoreIdIsNotBelieved() {
        // the ledger as Ponte left it when ponte.mailchimp.store-id named another store
        shopJdbc.update("UPDATE mailchimp_sync SET store_key = CONCAT('altro-store', SUBSTRING(store_key, LOCATE('|', store_key)))", Map.of());
        shopJdbc.update("UPDATE mailchimp_store_sync SET store_id = 'altro-store'", Map.of());

        MailchimpReport total = sync("TOTAL");

        for (MailchimpEntity entity : MailchimpEntity.values()) {
            assertThat(total.counts(entity).created() + total.counts(entity).updated()).as(entity.name()).isEqualTo(1);
            assertThat(total.counts(entity).skipped(MailchimpVerdict.UNCHANGED)).as(entity.name()).isZero();
        }
    }

    @Test
    void whatWasWrittenBeforeStoresHadIdentitiesIsAdoptedByTheStoreFoundThere() {
        // the ledger and the store bookkeeping as an installation upgraded from before this change has them
        shopJdbc.update("UPDATE mailchimp_sync SET store_key = NULL", Map.of());
        shopJdbc.update("UPDATE mailchimp_store_sync SET remote_created_at = NULL", Map.of());

        MailchimpReport total = sync("TOTAL");

        for (MailchimpEntity entity : MailchimpEntity.values()) {
            assertThat(total.counts(entity).created() + total.counts(entity).updated()).as(entity.name()).isZero();
        }
        assertThat(total.counts(MailchimpEntity.ORDER).skipped(MailchimpVerdict.UNCHANGED)).isEqualTo(1);
        assertThat(shopJdbc.queryForObject("SELECT COUNT(*) FROM mailchimp_sync WHERE store_key IS NULL", Map.of(), Integer.class)).isZero();
    }

    @Test
    void manualSyncsSendWhatTheyAreAskedEvenWhenPonteBelievesItSentIt() throws Exception {
        administrator("empty");

        // each manual sync is a run of its own (202), one at a time: pressed one after the other
        JsonNode customers = manualSync("customers");
        JsonNode products = manualSync("products");
        JsonNode orders = manualSync("orders");

        assertThat(customers.path("counts").path("mailchimp.customer.created").asInt()
                + customers.path("counts").path("mailchimp.customer.updated").asInt()).isPositive();
        assertThat(products.path("counts").path("mailchimp.product.created").asInt()
                + products.path("counts").path("mailchimp.product.updated").asInt()).isPositive();
        assertThat(orders.path("counts").path("mailchimp.order.created").asInt()).isEqualTo(1);
        assertThat(store().customer(customerId())).isPresent();
        assertThat(store().product(String.valueOf(product))).isPresent();
        // Ponte believed the order was there: its PATCH found nothing, so it was created again
        assertThat(store().order(String.valueOf(order)).orElseThrow().path("financial_status").asText()).isEqualTo("paid");
    }

    /** Presses a manual sync (202 with the run to follow) and waits for its run to end: the run's record. */
    private JsonNode manualSync(String scope) throws Exception {
        HttpResponse<String> started = Http.postJson(baseUrl() + "/api/mailchimp/sync/" + scope, "");
        assertThat(started.statusCode()).as(scope).isEqualTo(202);
        long runId = json.readTree(started.body()).path("runId").asLong();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> json.readTree(Http.get(baseUrl() + "/api/sync/runs/" + runId).body()).has("endedAt"));
        JsonNode run = json.readTree(Http.get(baseUrl() + "/api/sync/runs/" + runId).body());
        assertThat(run.path("outcome").asText()).as(scope).isEqualTo("SUCCEEDED");
        return run;
    }
}
