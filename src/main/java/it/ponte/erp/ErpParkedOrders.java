package it.ponte.erp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The ERP insert's bounded tries: every failed insert of a shop order that is the order's own (the ERP refused it, a
 * bug, unreadable data) counts one attempt; at {@code ponte.erp.max-insert-attempts} the order is parked, left out of
 * the runs with its reason until a person retries it. An ERP outage never counts: it is not the order's fault.
 */
@Repository
public class ErpParkedOrders {

    private static final int REASON_LENGTH = 1000;

    private final NamedParameterJdbcTemplate shop;
    private final int maxAttempts;

    public ErpParkedOrders(@Qualifier("shopJdbc") NamedParameterJdbcTemplate shop, ErpProperties properties) {
        if (properties.maxInsertAttempts() < 1) {
            throw new IllegalArgumentException("ponte.erp.max-insert-attempts must be 1 or more, not " + properties.maxInsertAttempts());
        }
        this.shop = shop;
        this.maxAttempts = properties.maxInsertAttempts();
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** An order parked (state PARKED), or put back in line by a retry (state PENDING). */
    public record ParkedOrder(long orderId, String origin, String amazonAccountId, String amazonOrderId, int attempts, String lastError,
                        Instant parkedAt, String state) {
    }

    /** The order's own failure: one attempt more, with the reason; parked at the limit. The answer is the order as it is now. */
    public ParkedOrder attemptFailed(long orderId, String reason) {
        // MariaDB evaluates the assignments left to right: erp_parked_at sees the incremented attempts
        shop.update("""
                UPDATE shop_order SET erp_error = :reason, erp_attempts = erp_attempts + 1,
                       erp_parked_at = IF(erp_attempts >= :max, NOW(3), NULL)
                WHERE id = :id AND status = 'REGISTERED'
                """, new MapSqlParameterSource("id", orderId).addValue("reason", truncate(reason)).addValue("max", maxAttempts));
        return find(orderId).orElse(new ParkedOrder(orderId, null, null, null, 0, reason, null, "PENDING"));
    }

    /** The orders parked, oldest first. */
    public List<ParkedOrder> parked() {
        return shop.query("""
                SELECT id, origin, amazon_account_id, amazon_order_id, erp_attempts, erp_error, erp_parked_at FROM shop_order
                WHERE erp_parked_at IS NOT NULL AND status = 'REGISTERED' ORDER BY erp_parked_at, id
                """, Map.of(), this::entry);
    }

    /** How many orders are parked (health). */
    public int count() {
        Integer n = shop.queryForObject("SELECT COUNT(*) FROM shop_order WHERE erp_parked_at IS NOT NULL AND status = 'REGISTERED'",
                Map.of(), Integer.class);
        return n == null ? 0 : n;
    }

    /** Retry on demand: the parked order back in line for the next run, with a fresh set of attempts; empty when not parked. */
    public Optional<ParkedOrder> retry(long orderId) {
        int changed = shop.update("""
                UPDATE shop_order SET erp_parked_at = NULL, erp_attempts = 0
                WHERE id = :id AND erp_parked_at IS NOT NULL AND status = 'REGISTERED'
                """, Map.of("id", orderId));
        return changed == 0 ? Optional.empty() : find(orderId);
    }

    private Optional<ParkedOrder> find(long orderId) {
        return shop.query("""
                SELECT id, origin, amazon_account_id, amazon_order_id, erp_attempts, erp_error, erp_parked_at FROM shop_order
                WHERE id = :id
                """, Map.of("id", orderId), this::entry).stream().findFirst();
    }

    private ParkedOrder entry(ResultSet rs, int i) throws SQLException {
        Timestamp parkedAt = rs.getTimestamp("erp_parked_at");
        return new ParkedOrder(rs.getLong("id"), rs.getString("origin"), rs.getString("amazon_account_id"), rs.getString("amazon_order_id"),
                rs.getInt("erp_attempts"), rs.getString("erp_error"), parkedAt == null ? null : parkedAt.toInstant(),
                parkedAt == null ? "PENDING" : "PARKED");
    }

    private static String truncate(String s) {
        return s == null || s.length() <= REASON_LENGTH ? s : s.substring(0, REASON_LENGTH);
    }
}
