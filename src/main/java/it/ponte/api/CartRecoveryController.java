package it.ponte.api;

import it.ponte.shop.CartRecovery;
import it.ponte.shop.ShopProperties;
import it.ponte.shop.ShopSessions;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The recovery link of an abandoned cart ({@code checkout_url} in Mailchimp): a logged-in customer finds the cart
 * filled again and lands on the shop's cart page; anyone else is sent to the login page, coming back here after.
 */
@RestController
class CartRecoveryController {

    private final CartRecovery recovery;
    private final ShopSessions sessions;
    private final ShopProperties shop;

    CartRecoveryController(CartRecovery recovery, ShopSessions sessions, ShopProperties shop) {
        this.recovery = recovery;
        this.sessions = sessions;
        this.shop = shop;
    }

    @GetMapping("/cart/recover/{token}")
    ResponseEntity<Void> recover(@PathVariable String token,
                                 @CookieValue(name = ShopSessions.COOKIE, required = false) String cookie,
                                 @RequestHeader(name = ShopSessions.COOKIE, required = false) String header) {
        Optional<Long> customer = sessions.customerOf(cookie != null ? cookie : header);
        if (customer.isEmpty()) {
            String back = "/cart/recover/" + URLEncoder.encode(token, StandardCharsets.UTF_8);
            return redirect(shop.loginPath() + "?returnUrl=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
        }
        recovery.recover(token, customer.get());
        return redirect(shop.cartPath());
    }

    private static ResponseEntity<Void> redirect(String location) {
        HttpHeaders headers = new HttpHeaders();
        headers.setLocation(URI.create(location));
        return new ResponseEntity<>(headers, HttpStatus.FOUND);
    }
}
