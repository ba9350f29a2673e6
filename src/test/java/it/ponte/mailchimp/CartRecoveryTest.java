package it.ponte.mailchimp;

import static org.assertj.core.api.Assertions.assertThat;

import it.ponte.shop.CartRecoveryTokens;
import it.ponte.shop.ShopSessions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Seed 003: the recovery link brings a logged-in user back to a cart filled with the abandoned items. */
class CartRecoveryTest extends MailchimpSyncTestBase {

    @Autowired
    ShopSessions sessions;
    @Autowired
    CartRecoveryTokens tokens;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void recoveryLinkRefillsTheCartOfALoggedInUser() throws Exception {
        long customer = shop.customer("cliente@example.it", false, true);
        shop.product("SKU-1", "10.00");
        shop.product("SKU-2", "5.00");
        long abandoned = shop.cart(customer);
        shop.cartRow(abandoned, "SKU-1", 2, "10.00");
        shop.cartRow(abandoned, "SKU-2", 1, "5.00");
        // the customer came back later, bought something else: the abandoned cart is no longer the open one
        shopJdbc.update("UPDATE cart SET status = 'ABANDONED' WHERE id = :id", Map.of("id", abandoned));
        String token = tokens.tokenFor(abandoned);
        String session = sessions.open(customer, Duration.ofHours(1));

        HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/cart/recover/" + token))
                .header("Cookie", ShopSessions.COOKIE + "=" + session).GET().build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<Void> again = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/cart/recover/" + token))
                .header("Cookie", ShopSessions.COOKIE + "=" + session).GET().build(), HttpResponse.BodyHandlers.discarding());

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).contains("/cart");
        assertThat(again.statusCode()).isEqualTo(302);
        List<Map<String, Object>> rows = shopJdbc.queryForList("""
                SELECT r.sku, r.quantity FROM cart c JOIN cart_row r ON r.cart_id = c.id
                WHERE c.customer_id = :customer AND c.status = 'OPEN' ORDER BY r.sku""", Map.of("customer", customer));
        assertThat(rows).extracting(r -> r.get("sku") + "x" + r.get("quantity")).containsExactly("SKU-1x2", "SKU-2x1");
    }

    @Test
    void recoveryLinkSendsAVisitorNotLoggedInToTheLoginPage() throws Exception {
        long customer = shop.customer("cliente@example.it", false, true);
        long abandoned = shop.cart(customer);
        shop.cartRow(abandoned, "SKU-1", 2, "10.00");
        String token = tokens.tokenFor(abandoned);

        HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/cart/recover/" + token)).GET().build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).startsWith("/login?returnUrl=").contains(token);
        assertThat(shopJdbc.queryForObject("SELECT COUNT(*) FROM cart", Map.of(), Integer.class)).isEqualTo(1);
    }
}
