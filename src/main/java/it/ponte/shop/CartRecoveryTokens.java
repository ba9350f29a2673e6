package it.ponte.shop;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The tokens of cart recovery links ({@code /cart/recover/{token}}): random, so a link names no cart id that could be
 * guessed, and one per cart, so the cart sent to Mailchimp again keeps the link its e-mails already carry.
 */
@Repository
public class CartRecoveryTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final NamedParameterJdbcTemplate jdbc;

    public CartRecoveryTokens(@Qualifier("shopJdbc") NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public String tokenFor(long cartId) {
        Optional<String> existing = find(cartId);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try {
            jdbc.update("INSERT INTO cart_recovery_token (token, cart_id) VALUES (:token, :cartId)", Map.of("token", token, "cartId", cartId));
            return token;
        } catch (DuplicateKeyException raced) {
            return find(cartId).orElseThrow(() -> raced);
        }
    }

    public Optional<Long> cartOf(String token) {
        List<Long> carts = jdbc.queryForList("SELECT cart_id FROM cart_recovery_token WHERE token = :token", Map.of("token", token), Long.class);
        return carts.stream().findFirst();
    }

    private Optional<String> find(long cartId) {
        return jdbc.queryForList("SELECT token FROM cart_recovery_token WHERE cart_id = :cartId", Map.of("cartId", cartId), String.class)
                .stream().findFirst();
    }
}
