package it.ponte.mailchimp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: Mailchimp names a missing product either in the problem's {@code detail} or, as a validation error, only in
 * {@code errors[]}. Either way Ponte pushes the product and retries the order or cart once, instead of spending an attempt.
 */
class MailchimpMissingProductTest extends MailchimpSyncTestBase {

    private long customer;
    private long product;

    /** The products went to Mailchimp, then someone deleted one there: Ponte's ledger still believes it is there. */
    private void productDeletedInMailchimp() {
        customer = shop.customer("cliente@example.it", false, true);
        sandbox.putMember("cliente@example.it", "subscribed");
        product = shop.product("SKU-1", "10.00");
        sync("TOTAL");
        store().removeProduct(String.valueOf(product));
    }

    @Test
    void missingProductNamedOnlyInErrorsIsPushedAndTheOrderRetriedOnce() throws Exception {
        productDeletedInMailchimp();
        sandbox.missingProductInErrors(true);

        Instant since = Instant.now();
        Thread.sleep(20);
        long order = shop.order(customer, "STORED");
        shop.orderRow(order, 1, "SKU-1", 1, "10.00");
        MailchimpReport report = sync("CHANGED", since);

        assertThat(store().order(String.valueOf(order))).isPresent();
        assertThat(store().product(String.valueOf(product))).isPresent();
        assertThat(report.counts(MailchimpEntity.ORDER).failedTotal()).isZero();
        // refused once, pushed the product, created on the one retry
        assertThat(postsOf("/orders")).isEqualTo(2);
        assertThat(shop.outboxStatus("ORDER", order)).isEqualTo("DONE");
    }

    @Test
    void missingProductNamedOnlyInErrorsIsPushedAndTheCartRetriedOnce() throws Exception {
        productDeletedInMailchimp();
        sandbox.missingProductInErrors(true);

        Instant since = Instant.now();
        Thread.sleep(20);
        long cart = shop.cart(customer);
        shop.cartRow(cart, "SKU-1", 1, "10.00");
        MailchimpReport report = sync("PARTIAL", since);

        assertThat(store().cart(String.valueOf(cart))).isPresent();
        assertThat(report.counts(MailchimpEntity.CART).failedTotal()).isZero();
        assertThat(postsOf("/carts")).isEqualTo(2);
    }

    @Test
    void missingProductNamedInDetailIsPushedAndTheOrderRetriedOnce() throws Exception {
        productDeletedInMailchimp();

        Instant since = Instant.now();
        Thread.sleep(20);
        long order = shop.order(customer, "STORED");
        shop.orderRow(order, 1, "SKU-1", 1, "10.00");
        MailchimpReport report = sync("CHANGED", since);

        assertThat(store().order(String.valueOf(order))).isPresent();
        assertThat(report.counts(MailchimpEntity.ORDER).failedTotal()).isZero();
        assertThat(postsOf("/orders")).isEqualTo(2);
    }
}
