package it.ponte.amazon;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Each account's deep re-sweep: when the last one ended, and the one under way (its window and next page). */
@Repository
public class AmazonResweeps {

    private final NamedParameterJdbcTemplate shop;

    public AmazonResweeps(@Qualifier("shopJdbc") NamedParameterJdbcTemplate shop) {
        this.shop = shop;
    }

    /** The last completed re-sweep and the one under way, if any ({@code nextToken} null: none under way). */
    public record State(Instant completedAt, Instant windowAfter, Instant windowBefore, String nextToken, Instant startedAt) {

        public boolean underWay() {
            return nextToken != null && windowAfter != null && windowBefore != null;
        }
    }

    public Optional<State> find(String accountId) {
        return shop.query("SELECT * FROM amazon_resweep WHERE account_id = :id", Map.of("id", accountId),
                (rs, i) -> new State(instant(rs.getTimestamp("completed_at")), instant(rs.getTimestamp("window_after")),
                        instant(rs.getTimestamp("window_before")), rs.getString("next_token"), instant(rs.getTimestamp("started_at"))))
                .stream().findFirst();
    }

    /** The re-sweep stopped after a stored page: the next run goes on from {@code nextToken} with the same window. */
    public void saveProgress(String accountId, Instant after, Instant before, String nextToken, Instant startedAt) {
        shop.update("""
                INSERT INTO amazon_resweep (account_id, window_after, window_before, next_token, started_at)
                VALUES (:id, :after, :before, :token, :started)
                ON DUPLICATE KEY UPDATE window_after = VALUES(window_after), window_before = VALUES(window_before),
                                        next_token = VALUES(next_token), started_at = VALUES(started_at)
                """, new MapSqlParameterSource().addValue("id", accountId).addValue("after", Timestamp.from(after))
                .addValue("before", Timestamp.from(before)).addValue("token", nextToken).addValue("started", Timestamp.from(startedAt)));
    }

    /** A whole re-sweep read (or one made needless): the next is due {@code resweep-every} after {@code at}. */
    public void completed(String accountId, Instant at) {
        shop.update("""
                INSERT INTO amazon_resweep (account_id, completed_at) VALUES (:id, :at)
                ON DUPLICATE KEY UPDATE completed_at = VALUES(completed_at), window_after = NULL, window_before = NULL,
                                        next_token = NULL, started_at = NULL
                """, new MapSqlParameterSource().addValue("id", accountId).addValue("at", Timestamp.from(at)));
    }

    /** The re-sweep under way cannot go on (Amazon refused its token): the next run starts a fresh one. */
    public void abandon(String accountId) {
        shop.update("""
                UPDATE amazon_resweep SET window_after = NULL, window_before = NULL, next_token = NULL, started_at = NULL
                WHERE account_id = :id
                """, Map.of("id", accountId));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
