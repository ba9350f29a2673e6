package it.ponte.mailchimp;

import static org.assertj.core.api.Assertions.assertThat;

import it.ponte.shop.UnifiedCartMode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Seed 003 (CARRELLI ABBANDONATI): which carts reach Mailchimp, and when none may. */
class MailchimpCartSyncTest extends MailchimpSyncTestBase {

    private long cartOf(long customer) {
        shop.product("SKU-1", "10.00");
        long cart = shop.cart(customer);
        shop.cartRow(cart, "SKU-1", 2, "10.00");
        return cart;
    }

    private long memberCustomer(String email) {
        long customer = shop.customer(email, false, true);
        sandbox.putMember(email, "subscribed");
        return customer;
    }

    @Test
    void cartOfAListMemberIsSentWithItsRecoveryLink() {
        long cart = cartOf(memberCustomer("cliente@example.it"));

        MailchimpReport report = sync("PARTIAL", Instant.now().minusSeconds(3600));

        var sent = store().cart(String.valueOf(cart)).orElseThrow();
        String token = shopJdbc.queryForObject("SELECT token FROM cart_recovery_token WHERE cart_id = :id", java.util.Map.of("id", cart), String.class);
        assertThat(sent.path("checkout_url").asText()).isEqualTo(properties.shopBaseUrl() + "/cart/recover/" + token);
        assertThat(sent.path("order_total").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(report.carts()).isEqualTo(MailchimpVerdict.SEND);
        assertThat(report.counts(MailchimpEntity.CART).created()).isEqualTo(1);
    }

    @Test
    void cartsAreNotSentWhileAutomationIsPaused() {
        long cart = cartOf(memberCustomer("cliente@example.it"));
        sandbox.abandonedCartAutomation("paused");

        MailchimpReport report = sync("TOTAL");

        assertThat(store().cart(String.valueOf(cart))).isEmpty();
        assertThat(report.carts()).isEqualTo(MailchimpVerdict.AUTOMATION_PAUSED);
        assertThat(report.automationStatus()).isEqualTo("paused");
    }

    @Test
    void cartsAreNotSentWithoutAbandonedCartAutomation() {
        long cart = cartOf(memberCustomer("cliente@example.it"));
        sandbox.abandonedCartAutomation("absent");

        MailchimpReport report = sync("CHANGED", Instant.now().minusSeconds(3600));

        assertThat(store().cart(String.valueOf(cart))).isEmpty();
        assertThat(report.carts()).isEqualTo(MailchimpVerdict.NO_AUTOMATION);
        assertThat(report.automationStatus()).isEqualTo(MailchimpAutomationCheck.NOT_VERIFIABLE);
    }

    @Test
    void unifiedCartModeSendsNoCarts() {
        long cart = cartOf(memberCustomer("cliente@example.it"));
        shop.setting(UnifiedCartMode.SETTING, "true");

        MailchimpReport report = sync("TOTAL");

        assertThat(store().cart(String.valueOf(cart))).isEmpty();
        assertThat(report.carts()).isEqualTo(MailchimpVerdict.UNIFIED_CART);
    }

    @Test
    void cartOfUnregisteredUserIsNotSent() {
        long guest = shop.customer("ospite@example.it", false, false);
        sandbox.putMember("ospite@example.it", "subscribed");
        long guestCart = cartOf(guest);
        long anonymousCart = shop.cart(null);
        shop.cartRow(anonymousCart, "SKU-1", 1, "10.00");

        MailchimpReport report = sync("TOTAL");

        assertThat(store().cart(String.valueOf(guestCart))).isEmpty();
        assertThat(store().cart(String.valueOf(anonymousCart))).isEmpty();
        assertThat(report.counts(MailchimpEntity.CART).skipped(MailchimpVerdict.UNREGISTERED)).isEqualTo(2);
    }

    @Test
    void cartOfCustomerNotInListIsNotSent() {
        long cart = cartOf(shop.customer("estraneo@example.it", false, true));

        MailchimpReport report = sync("TOTAL");

        assertThat(store().cart(String.valueOf(cart))).isEmpty();
        assertThat(report.counts(MailchimpEntity.CART).skipped(MailchimpVerdict.NOT_IN_LIST)).isEqualTo(1);
    }

    @Test
    void cartThatBecameAnOrderIsDeletedFromMailchimp() {
        long customer = memberCustomer("cliente@example.it");
        long cart = cartOf(customer);
        sync("TOTAL");
        assertThat(store().cart(String.valueOf(cart))).isPresent();

        long order = shop.order(customer, "STORED");
        shop.orderRow(order, 1, "SKU-1", 2, "10.00");
        shop.cartConverted(cart, order);
        MailchimpReport report = sync("PARTIAL", Instant.now().minusSeconds(3600));

        assertThat(store().cart(String.valueOf(cart))).isEmpty();
        assertThat(report.counts(MailchimpEntity.CART).deleted()).isEqualTo(1);
    }
}
