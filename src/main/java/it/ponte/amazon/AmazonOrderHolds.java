package it.ponte.amazon;

import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Amazon orders waiting for data Amazon has not given yet (or that failed to import), with the reason. */
@Repository
public class AmazonOrderHolds {

    private final NamedParameterJdbcTemplate shop;

    public AmazonOrderHolds(@Qualifier("shopJdbc") NamedParameterJdbcTemplate shop) {
        this.shop = shop;
    }

    /** Records or refreshes the hold; true when the order was not held before (new to report). */
    public boolean hold(String accountId, String orderId, String reason, String amazonStatus) {
        int changed = shop.update("""
                INSERT INTO amazon_order_hold (amazon_account_id, amazon_order_id, reason, amazon_status)
                VALUES (:account, :orderId, :reason, :status)
                ON DUPLICATE KEY UPDATE reason = VALUES(reason), amazon_status = VALUES(amazon_status),
                                        last_seen = CURRENT_TIMESTAMP(3), attempts = attempts + 1
                """, new MapSqlParameterSource().addValue("account", accountId).addValue("orderId", orderId)
                .addValue("reason", reason.length() > 1000 ? reason.substring(0, 1000) : reason).addValue("status", amazonStatus));
        // MariaDB reports 1 for an insert and 2 for an update of an existing row.
        return changed == 1;
    }

    public void release(String accountId, String orderId) {
        shop.update("DELETE FROM amazon_order_hold WHERE amazon_account_id = :account AND amazon_order_id = :orderId",
                Map.of("account", accountId, "orderId", orderId));
    }

    /** Releases these orders of one account, in one statement. */
    public void releaseAll(String accountId, java.util.Collection<String> orderIds) {
        if (!orderIds.isEmpty()) {
            shop.update("DELETE FROM amazon_order_hold WHERE amazon_account_id = :account AND amazon_order_id IN (:orderIds)",
                    Map.of("account", accountId, "orderIds", orderIds));
        }
    }

    /** Held orders to ask Amazon about again, least recently seen first. */
    public List<String> toRecheck(String accountId, int limit) {
        return shop.queryForList("""
                SELECT amazon_order_id FROM amazon_order_hold WHERE amazon_account_id = :account
                ORDER BY last_seen LIMIT :limit
                """, Map.of("account", accountId, "limit", limit), String.class);
    }

    /** A held order as the REST API shows it: why it waits, since when, and how many times it was read again. */
    public record Held(String amazonAccountId, String amazonOrderId, String reason, String amazonStatus, java.time.Instant firstSeen,
                       java.time.Instant lastSeen, int attempts) {
    }

    /** Every held order, oldest first. */
    public List<Held> list() {
        return shop.query("SELECT * FROM amazon_order_hold ORDER BY first_seen, amazon_account_id, amazon_order_id", Map.of(),
                (rs, i) -> new Held(rs.getString("amazon_account_id"), rs.getString("amazon_order_id"), rs.getString("reason"),
                        rs.getString("amazon_status"), rs.getTimestamp("first_seen").toInstant(), rs.getTimestamp("last_seen").toInstant(),
                        rs.getInt("attempts")));
    }

    public int count(String accountId) {
        Integer n = shop.queryForObject("SELECT COUNT(*) FROM amazon_order_hold WHERE amazon_account_id = :account",
                Map.of("account", accountId), Integer.class);
        return n == null ? 0 : n;
    }
}
