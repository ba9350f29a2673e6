package it.ponte.mailchimp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, is_syncing: a history load (the orders backfill, the store's first TOTAL) runs with the store's
 * {@code is_syncing} set, so the simulated Mailchimp (like the real one) fires no order notification for old orders;
 * it is cleared before the carts, so abandoned-cart e-mails fire, and cleared by the next run after a crash.
 */
class MailchimpStoreSyncingTest extends MailchimpSyncTestBase {

    private long member(String email) {
        long customer = shop.customer(email, false, true);
        sandbox.putMember(email, "subscribed");
        return customer;
    }

    private long order(long customer, String status) {
        long order = shop.order(customer, status);
        shop.orderRow(order, 1, "SKU-1", 1, "10.00");
        return order;
    }

    private MailchimpReport backfill() {
        Map<String, Object> headers = new HashMap<>();
        headers.put("syncMode", "TOTAL");
        headers.put("mailchimpScope", "ORDERS");
        headers.put("since", Instant.now().minusSeconds(86_400));
        headers.put("mailchimpReportMail", "false");
        return producer.requestBodyAndHeaders("direct:mailchimp-sync", null, headers, MailchimpReport.class);
    }

    @Test
    void historyBackfillFiresNoOrderNotificationsAndClearsIsSyncingWhenItEnds() {
        long customer = member("cliente@example.it");
        shop.product("SKU-1", "10.00");
        long old = order(customer, "INVOICED");

        backfill();

        assertThat(store().order(String.valueOf(old))).isPresent();
        // set before the first order, cleared after the last one
        assertThat(store().syncingChanges()).containsExactly("true@0", "false@1");
        assertThat(store().isSyncing()).isFalse();
        assertThat(store().notifications()).isEmpty();

        // the store is synced now: a new order fires its notification as it should
        Instant since = Instant.now().minusSeconds(1);
        long fresh = order(customer, "STORED");
        sync("CHANGED", since);
        assertThat(store().notifications()).containsExactly("order " + fresh + " pending");
    }

    @Test
    void firstTotalLoadsHistoryQuietlyAndAbandonedCartsFireOnlyOnceTheStoreIsSynced() {
        long customer = member("cliente@example.it");
        shop.product("SKU-1", "10.00");
        long old = order(customer, "INVOICED");
        long cart = shop.cart(customer);
        shop.cartRow(cart, "SKU-1", 1, "10.00");

        sync("TOTAL");

        assertThat(store().order(String.valueOf(old))).isPresent();
        assertThat(store().syncingChanges()).containsExactly("true@0", "false@1");
        // no notification for the historical order; the cart went after the flag was cleared, so its e-mail is armed
        assertThat(store().notifications()).containsExactly("abandoned-cart " + cart);

        // the next TOTAL is no history load any more: the flag is not touched again
        long fresh = order(customer, "STORED");
        sync("TOTAL");
        assertThat(store().syncingChanges()).containsExactly("true@0", "false@1");
        assertThat(store().notifications()).contains("order " + fresh + " pending");
    }

    @Test
    void isSyncingLeftSetByACrashedLoadIsClearedByTheNextRun() {
        long customer = member("cliente@example.it");
        shop.product("SKU-1", "10.00");
        order(customer, "INVOICED");
        // the first TOTAL creates the store (syncing), then Mailchimp goes away for good: nobody clears the flag
        faults.downAfter(2);
        sync("TOTAL");
        assertThat(store().isSyncing()).isTrue();

        faults.reset();
        mailchimpCircuitBreaker.reset();
        sync("CHANGED", Instant.now().minusSeconds(60));

        assertThat(store().isSyncing()).isFalse();
        assertThat(sandbox.requests()).contains("PATCH /ecommerce/stores/" + properties.storeId());
    }
}
