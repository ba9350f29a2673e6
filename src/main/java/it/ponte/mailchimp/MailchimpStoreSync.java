package it.ponte.mailchimp;

import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What Ponte remembers of each Mailchimp store ({@code mailchimp_store_sync}): whether its first complete load (TOTAL)
 * has happened, and the {@code is_syncing} it last asked for.
 */
@Repository
public class MailchimpStoreSync {

    private final NamedParameterJdbcTemplate jdbc;

    public MailchimpStoreSync(@Qualifier("shopJdbc") NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean firstTotalDone(String storeId) {
        Integer done = jdbc.queryForObject("SELECT COUNT(*) FROM mailchimp_store_sync WHERE store_id = :store AND first_total_at IS NOT NULL",
                Map.of("store", storeId), Integer.class);
        return done != null && done > 0;
    }

    public void syncing(String storeId, String listId, boolean syncing) {
        jdbc.update("""
                INSERT INTO mailchimp_store_sync (store_id, list_id, syncing) VALUES (:store, :list, :syncing)
                ON DUPLICATE KEY UPDATE list_id = VALUES(list_id), syncing = VALUES(syncing)""",
                new MapSqlParameterSource("store", storeId).addValue("list", listId).addValue("syncing", syncing));
    }

    public void firstTotalDone(String storeId, String listId) {
        jdbc.update("""
                INSERT INTO mailchimp_store_sync (store_id, list_id, first_total_at) VALUES (:store, :list, CURRENT_TIMESTAMP(3))
                ON DUPLICATE KEY UPDATE first_total_at = COALESCE(first_total_at, CURRENT_TIMESTAMP(3))""",
                new MapSqlParameterSource("store", storeId).addValue("list", listId));
    }
}
