package it.ponte.amazon;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves Amazon orders through the states of seed 001, from the ERP (state diff) or from the administrator.
 * Entering a pending state writes what Ponte owes Amazon into the outbox in the same transaction; the
 * compare-and-set on the current state makes two concurrent requests move the order once.
 */
@Component
public class AmazonOrderTransitions {

    private final NamedParameterJdbcTemplate shop;
    private final TransactionTemplate shopTx;

    public AmazonOrderTransitions(@Qualifier("shopJdbc") NamedParameterJdbcTemplate shop, @Qualifier("shopTx") TransactionTemplate shopTx) {
        this.shop = shop;
        this.shopTx = shopTx;
    }

    /** The Amazon side of a shop order. */
    public record AmazonOrderRef(long orderId, String accountId, String amazonOrderId, AmazonOrderState state) {
    }

    /** By shop order id (digits) or by Amazon order id. */
    public Optional<AmazonOrderRef> find(String id) {
        String sql = "SELECT id, amazon_account_id, amazon_order_id, amazon_state FROM shop_order WHERE origin = 'AMAZON' AND "
                + (id.matches("\\d{1,18}") ? "id = :id" : "amazon_order_id = :id");
        Object key = id.matches("\\d{1,18}") ? (Object) Long.parseLong(id) : id;
        List<AmazonOrderRef> found = shop.query(sql, Map.of("id", key), (rs, i) -> new AmazonOrderRef(rs.getLong(1), rs.getString(2),
                rs.getString(3), AmazonOrderState.valueOf(rs.getString(4))));
        return found.stream().findFirst();
    }

    public void requestCancellation(AmazonOrderRef order, CancelReason reason) {
        move(order, AmazonOrderState.PENDING_CANCELLATION, OutboundKind.CANCEL, "cancel_reason = :reason",
                new MapSqlParameterSource("reason", reason.name()));
    }

    public void requestShipment(AmazonOrderRef order, String carrier, Instant shipDate, String trackingNumber) {
        move(order, AmazonOrderState.PENDING_SHIPMENT, OutboundKind.SHIPMENT,
                "carrier = :carrier, ship_date = :shipDate, tracking_number = :tracking",
                new MapSqlParameterSource().addValue("carrier", carrier).addValue("shipDate", Timestamp.from(shipDate))
                        .addValue("tracking", trackingNumber));
    }

    public void requestRefund(AmazonOrderRef order, AdjustmentReason reason) {
        move(order, AmazonOrderState.PENDING_REFUND, OutboundKind.REFUND, "refund_reason = :reason",
                new MapSqlParameterSource("reason", reason.name()));
    }

    /** Amazon accepted the order's own message: the pending state becomes final. */
    public boolean completed(long orderId, OutboundKind kind) {
        return Boolean.TRUE.equals(shopTx.execute(tx -> {
            int moved = shop.update("UPDATE shop_order SET amazon_state = :done WHERE id = :id AND amazon_state = :pending",
                    Map.of("id", orderId, "done", kind.done().name(), "pending", kind.pending().name()));
            shop.update("UPDATE amazon_outbox SET status = 'DONE', last_error = NULL, next_try_at = NULL WHERE order_id = :id AND kind = :kind",
                    Map.of("id", orderId, "kind", kind.name()));
            return moved == 1;
        }));
    }

    private void move(AmazonOrderRef order, AmazonOrderState target, OutboundKind kind, String fields, MapSqlParameterSource values) {
        if (!order.state().canMoveTo(target)) {
            throw new ForbiddenTransitionException(order.amazonOrderId(), order.state(), target);
        }
        shopTx.executeWithoutResult(tx -> {
            values.addValue("id", order.orderId()).addValue("from", order.state().name()).addValue("to", target.name());
            int moved = shop.update("UPDATE shop_order SET amazon_state = :to, " + fields + " WHERE id = :id AND amazon_state = :from", values);
            if (moved == 0) {
                AmazonOrderState now = find(Long.toString(order.orderId())).map(AmazonOrderRef::state).orElse(order.state());
                throw new ForbiddenTransitionException(order.amazonOrderId(), now, target);
            }
            // The unique (order, kind) key: an order is refunded, cancelled or shipped towards Amazon once.
            shop.update("""
                    INSERT INTO amazon_outbox (order_id, account_id, kind) VALUES (:id, :account, :kind)
                    ON DUPLICATE KEY UPDATE status = IF(status = 'DONE', status, 'PENDING')
                    """, Map.of("id", order.orderId(), "account", order.accountId(), "kind", kind.name()));
        });
    }
}
