package it.ponte.shop;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the recovery link of an abandoned cart does for a logged-in customer (seed 003): the customer's open cart is
 * filled again with the items of the abandoned one, so the shop's cart page shows them. Never in unified cart mode,
 * which the manual says cannot recover old carts; never with someone else's cart.
 */
@Service
public class CartRecovery {

    /** How a recovery ended, for the redirect. */
    public enum Outcome { REFILLED, NOT_RECOVERABLE, UNKNOWN_LINK }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final CartRecoveryTokens tokens;
    private final UnifiedCartMode unifiedCart;

    public CartRecovery(@Qualifier("shopJdbc") NamedParameterJdbcTemplate jdbc, @Qualifier("shopTx") TransactionTemplate tx,
                        CartRecoveryTokens tokens, UnifiedCartMode unifiedCart) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.tokens = tokens;
        this.unifiedCart = unifiedCart;
    }

    public Outcome recover(String token, long customerId) {
        Optional<Long> source = tokens.cartOf(token);
        if (source.isEmpty()) {
            return Outcome.UNKNOWN_LINK;
        }
        Long owner = jdbc.queryForObject("SELECT customer_id FROM cart WHERE id = :id", Map.of("id", source.get()), Long.class);
        if (unifiedCart.isOn() || owner == null || owner != customerId) {
            return Outcome.NOT_RECOVERABLE;
        }
        return tx.execute(status -> {
            long target = openCart(customerId);
            if (target != source.get()) {
                copyRows(source.get(), target);
            }
            return Outcome.REFILLED;
        });
    }

    /** The customer's current open cart, or a new one. */
    private long openCart(long customerId) {
        List<Long> open = jdbc.queryForList(
                "SELECT id FROM cart WHERE customer_id = :customer AND status = 'OPEN' AND order_id IS NULL ORDER BY updated_at DESC, id DESC LIMIT 1 FOR UPDATE",
                Map.of("customer", customerId), Long.class);
        if (!open.isEmpty()) {
            return open.get(0);
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update("INSERT INTO cart (customer_id, status) VALUES (:customer, 'OPEN')", new MapSqlParameterSource("customer", customerId),
                keys, new String[] {"id"});
        return keys.getKey().longValue();
    }

    /** Items already in the cart keep the larger quantity: following the link twice does not double them. */
    private void copyRows(long source, long target) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT sku, quantity, unit_price FROM cart_row WHERE cart_id = :id ORDER BY id",
                Map.of("id", source));
        for (Map<String, Object> row : rows) {
            MapSqlParameterSource p = new MapSqlParameterSource("cart", target).addValue("sku", row.get("sku"))
                    .addValue("quantity", row.get("quantity")).addValue("price", row.get("unit_price"));
            int updated = jdbc.update("UPDATE cart_row SET quantity = GREATEST(quantity, :quantity) WHERE cart_id = :cart AND sku = :sku", p);
            if (updated == 0) {
                jdbc.update("INSERT INTO cart_row (cart_id, sku, quantity, unit_price) VALUES (:cart, :sku, :quantity, :price)", p);
            }
        }
        jdbc.update("UPDATE cart SET updated_at = CURRENT_TIMESTAMP(3) WHERE id = :id", Map.of("id", target));
    }
}
