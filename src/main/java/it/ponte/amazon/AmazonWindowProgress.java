package it.ponte.amazon;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Each account's incremental window read over several runs (table {@code amazon_window_progress}): its bounds, the token
 * of its next page, and the orders read in it so far. A backfill larger than one run's time budget goes on from its
 * last stored page in the next run: no page read twice, none skipped.
 */
@Repository
public class AmazonWindowProgress {

    private final NamedParameterJdbcTemplate shop;

    public AmazonWindowProgress(@Qualifier("shopJdbc") NamedParameterJdbcTemplate shop) {
        this.shop = shop;
    }

    /** A window under way: where its next page starts, and how many orders it has read so far. */
    public record Saved(Instant windowAfter, Instant windowBefore, String nextToken, boolean initial, int ordersRead, Instant savedAt) {
    }

    public Optional<Saved> find(String accountId) {
        return shop.query("SELECT * FROM amazon_window_progress WHERE account_id = :id", Map.of("id", accountId),
                (rs, i) -> new Saved(rs.getTimestamp("window_after").toInstant(), rs.getTimestamp("window_before").toInstant(),
                        rs.getString("next_token"), rs.getBoolean("initial_window"), rs.getInt("orders_read"),
                        rs.getTimestamp("saved_at").toInstant())).stream().findFirst();
    }

    /** The orders read so far by the window under way of the account (0 when none is under way). */
    public int ordersRead(String accountId) {
        return find(accountId).map(Saved::ordersRead).orElse(0);
    }

    /** A page of the window is stored: the next run goes on from {@code nextToken}. */
    public void save(String accountId, Instant after, Instant before, String nextToken, boolean initial, int ordersRead, Instant at) {
        shop.update("""
                INSERT INTO amazon_window_progress (account_id, window_after, window_before, next_token, initial_window, orders_read, saved_at)
                VALUES (:id, :after, :before, :token, :initial, :orders, :at)
                ON DUPLICATE KEY UPDATE window_after = VALUES(window_after), window_before = VALUES(window_before),
                    next_token = VALUES(next_token), initial_window = VALUES(initial_window), orders_read = VALUES(orders_read),
                    saved_at = VALUES(saved_at)
                """, new MapSqlParameterSource().addValue("id", accountId).addValue("after", Timestamp.from(after))
                .addValue("before", Timestamp.from(before)).addValue("token", nextToken).addValue("initial", initial)
                .addValue("orders", ordersRead).addValue("at", Timestamp.from(at)));
    }

    /** The window is read to its last page (or cannot go on from its token): nothing under way any more. */
    public void clear(String accountId) {
        shop.update("DELETE FROM amazon_window_progress WHERE account_id = :id", Map.of("id", accountId));
    }
}
