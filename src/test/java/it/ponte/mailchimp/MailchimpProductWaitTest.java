package it.ponte.mailchimp;

import static org.assertj.core.api.Assertions.assertThat;

import it.ponte.Http;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: an order or cart whose product failed in the same run waits for it instead of spending an attempt. The
 * sandbox refuses one product (its switch, over HTTP); the orders and carts naming it stay owed (PENDING, attempts 0)
 * and go with the first run after the product went through.
 */
class MailchimpProductWaitTest extends MailchimpSyncTestBase {

    private void refuse(long product, boolean refused) throws Exception {
        HttpResponse<String> answer = Http.postJson(baseUrl() + "/sandbox/mailchimp/admin/products/" + product + "/refuse",
                "{\"refused\": " + refused + "}");
        assertThat(answer.statusCode()).isEqualTo(200);
    }

    @Test
    void ordersAndCartsNamingAProductRefusedInThisRunWaitForItWithoutSpendingAnAttempt() throws Exception {
        long customer = shop.customer("cliente@example.it", false, true);
        sandbox.putMember("cliente@example.it", "subscribed");
        long refused = shop.product("SKU-RIFIUTATO", "10.00");
        long fine = shop.product("SKU-BUONO", "12.00");
        long waiting = shop.order(customer, "STORED");
        shop.orderRow(waiting, 1, "SKU-RIFIUTATO", 1, "10.00");
        long sent = shop.order(customer, "STORED");
        shop.orderRow(sent, 1, "SKU-BUONO", 1, "12.00");
        long cart = shop.cart(customer);
        shop.cartRow(cart, "SKU-RIFIUTATO", 1, "10.00");
        refuse(refused, true);

        MailchimpReport first = sync("TOTAL");

        assertThat(store().product(String.valueOf(refused))).isEmpty();
        assertThat(store().product(String.valueOf(fine))).isPresent();
        assertThat(store().order(String.valueOf(sent))).isPresent();
        assertThat(store().order(String.valueOf(waiting))).isEmpty();
        assertThat(store().cart(String.valueOf(cart))).isEmpty();
        // the product's refusal is counted on the product; the order and the cart only wait
        assertThat(shop.outboxAttempts("PRODUCT", refused)).isEqualTo(1);
        assertThat(shop.outboxStatus("ORDER", waiting)).isEqualTo("PENDING");
        assertThat(shop.outboxAttempts("ORDER", waiting)).isZero();
        assertThat(shop.outboxStatus("CART", cart)).isEqualTo("PENDING");
        assertThat(shop.outboxAttempts("CART", cart)).isZero();
        assertThat(first.counts(MailchimpEntity.ORDER).failedTotal()).isZero();
        assertThat(first.counts(MailchimpEntity.ORDER).skipped(MailchimpVerdict.WAITING_FOR_PRODUCT)).isEqualTo(1);
        assertThat(first.counts(MailchimpEntity.CART).skipped(MailchimpVerdict.WAITING_FOR_PRODUCT)).isEqualTo(1);
        // nothing tried to write the waiting order: not a single POST of it reached Mailchimp
        assertThat(postsOf("/orders")).isEqualTo(1);

        refuse(refused, false);
        // nothing changed since: only what stayed owed goes
        MailchimpReport next = sync("CHANGED", Instant.now());

        assertThat(store().product(String.valueOf(refused))).isPresent();
        assertThat(store().order(String.valueOf(waiting))).isPresent();
        assertThat(store().cart(String.valueOf(cart))).isPresent();
        assertThat(shop.outboxStatus("ORDER", waiting)).isEqualTo("DONE");
        assertThat(shop.outboxStatus("CART", cart)).isEqualTo("DONE");
        assertThat(next.counts(MailchimpEntity.ORDER).created()).isEqualTo(1);
    }

    @Test
    void anOrderWaitsWhenTheProductPushedForItIsRefused() throws Exception {
        long customer = shop.customer("cliente@example.it", false, true);
        sandbox.putMember("cliente@example.it", "subscribed");
        long product = shop.product("SKU-1", "10.00");
        sync("TOTAL");
        // someone deletes the product in Mailchimp, and Mailchimp now refuses it as Ponte sends it
        store().removeProduct(String.valueOf(product));
        refuse(product, true);

        Instant since = Instant.now();
        Thread.sleep(20);
        long order = shop.order(customer, "STORED");
        shop.orderRow(order, 1, "SKU-1", 1, "10.00");
        MailchimpReport report = sync("CHANGED", since);

        assertThat(store().order(String.valueOf(order))).isEmpty();
        assertThat(shop.outboxStatus("ORDER", order)).isEqualTo("PENDING");
        assertThat(shop.outboxAttempts("ORDER", order)).isZero();
        assertThat(report.counts(MailchimpEntity.ORDER).skipped(MailchimpVerdict.WAITING_FOR_PRODUCT)).isEqualTo(1);
        assertThat(shop.outboxStatus("PRODUCT", product)).isEqualTo("PENDING");
        assertThat(shop.outboxAttempts("PRODUCT", product)).isEqualTo(1);

        refuse(product, false);
        sync("CHANGED", Instant.now());

        assertThat(store().product(String.valueOf(product))).isPresent();
        assertThat(store().order(String.valueOf(order))).isPresent();
        assertThat(shop.outboxAttempts("ORDER", order)).isZero();
    }
}
