package it.ponte.amazon;

import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What Ponte owes Amazon, one line per order and kind: PENDING (to send), SENT (in a feed whose result is not
 * known yet: never sent again meanwhile, so a refund cannot go twice), DONE.
 */
@Repository
public class AmazonOutbox {

    private final NamedParameterJdbcTemplate shop;

    public AmazonOutbox(@Qualifier("shopJdbc") NamedParameterJdbcTemplate shop) {
        this.shop = shop;
    }

    public record Entry(long id, long orderId, String accountId, OutboundKind kind, String status, String feedId, Integer messageId,
                        int attempts, String lastError, String amazonOrderId) {
    }

    public List<Entry> pending(OutboundKind kind) {
        return query("o.status = 'PENDING' AND o.kind = :kind", Map.of("kind", kind.name()));
    }

    public List<Entry> inFlight() {
        return query("o.status = 'SENT'", Map.of());
    }

    public List<Entry> all() {
        return query("1 = 1", Map.of());
    }

    public void markSent(long id, String feedId, int messageId) {
        shop.update("UPDATE amazon_outbox SET status = 'SENT', feed_id = :feedId, message_id = :messageId, attempts = attempts + 1 WHERE id = :id",
                Map.of("id", id, "feedId", feedId, "messageId", messageId));
    }

    /** Back to PENDING with Amazon's reason: the next run tries again. */
    public void failed(long id, String error) {
        shop.update("UPDATE amazon_outbox SET status = 'PENDING', last_error = :error, attempts = attempts + 1 WHERE id = :id",
                new MapSqlParameterSource().addValue("id", id).addValue("error", error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error));
    }

    /** A feed still in Amazon's hands: keep it SENT, note why the run could not settle it. */
    public void stillProcessing(long id, String status) {
        shop.update("UPDATE amazon_outbox SET last_error = :note WHERE id = :id",
                Map.of("id", id, "note", "feed " + status + " at Amazon"));
    }

    private List<Entry> query(String where, Map<String, ?> params) {
        return shop.query("""
                SELECT o.*, s.amazon_order_id FROM amazon_outbox o JOIN shop_order s ON s.id = o.order_id
                WHERE """ + " " + where + " ORDER BY o.id", params, (rs, i) -> new Entry(rs.getLong("id"), rs.getLong("order_id"),
                rs.getString("account_id"), OutboundKind.valueOf(rs.getString("kind")), rs.getString("status"), rs.getString("feed_id"),
                rs.getObject("message_id", Integer.class), rs.getInt("attempts"), rs.getString("last_error"), rs.getString("amazon_order_id")));
    }
}
