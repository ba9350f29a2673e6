package it.ponte.mailchimp;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What Ponte remembers of each Mailchimp store ({@code mailchimp_store_sync}): which store it is (its list and its
 * {@code created_at} at Mailchimp), whether its first complete load (TOTAL) has happened, and the {@code is_syncing}
 * it last asked for. The store's identity is the key of Ponte's ledger ({@link MailchimpLedger}): a store deleted and
 * created again, or another store id or list, has another key, and nothing Ponte wrote before counts as sent there.
 */
@Repository
public class MailchimpStoreSync {

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public MailchimpStoreSync(@Qualifier("shopJdbc") NamedParameterJdbcTemplate jdbc, @Qualifier("shopTx") TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** The ledger's key of a store: its id, its list and when Mailchimp created it. */
    public static String storeKey(String storeId, String listId, String createdAt) {
        return storeId + "|" + listId + "|" + createdAt;
    }

    /** The key of the store as Ponte last identified it, if it did: a run that cannot reach Mailchimp works with it. */
    public Optional<String> rememberedKey(String storeId) {
        return jdbc.query("SELECT list_id, remote_created_at FROM mailchimp_store_sync WHERE store_id = :store AND remote_created_at IS NOT NULL",
                Map.of("store", storeId), (rs, i) -> storeKey(storeId, rs.getString("list_id"), rs.getString("remote_created_at")))
                .stream().findFirst();
    }

    /**
     * The store as Mailchimp answered it now. When it is not the store Ponte remembers under this id (never seen,
     * deleted and created again, linked to another list), Ponte remembers this one, and its first TOTAL is still to
     * come: that TOTAL is a history load (is_syncing) that sends everything again. Ledger rows written before stores
     * had identities are adopted by the first store Ponte finds already there ({@code createdNow} false) while it
     * remembers no identity at all: the store Ponte was writing into when it was upgraded.
     *
     * @return true when the store is new to Ponte's ledger
     */
    public boolean identify(String storeId, String listId, String createdAt, boolean createdNow) {
        return Boolean.TRUE.equals(tx.execute(status -> identifyInTx(storeId, listId, createdAt, createdNow)));
    }

    private boolean identifyInTx(String storeId, String listId, String createdAt, boolean createdNow) {
        List<String[]> remembered = jdbc.query("SELECT list_id, remote_created_at FROM mailchimp_store_sync WHERE store_id = :store FOR UPDATE",
                Map.of("store", storeId), (rs, i) -> new String[] {rs.getString("list_id"), rs.getString("remote_created_at")});
        if (!remembered.isEmpty() && listId.equals(remembered.get(0)[0]) && createdAt.equals(remembered.get(0)[1])) {
            return false;
        }
        Integer identified = jdbc.queryForObject("SELECT COUNT(*) FROM mailchimp_store_sync WHERE remote_created_at IS NOT NULL", Map.of(), Integer.class);
        boolean adopt = !createdNow && (identified == null || identified == 0);
        MapSqlParameterSource params = new MapSqlParameterSource("store", storeId).addValue("list", listId).addValue("created", createdAt)
                .addValue("adopt", adopt);
        jdbc.update("""
                INSERT INTO mailchimp_store_sync (store_id, list_id, remote_created_at) VALUES (:store, :list, :created)
                ON DUPLICATE KEY UPDATE list_id = VALUES(list_id), remote_created_at = VALUES(remote_created_at),
                    first_total_at = IF(:adopt, first_total_at, NULL)""", params);
        if (adopt) {
            jdbc.update("UPDATE mailchimp_sync SET store_key = :key WHERE store_key IS NULL",
                    Map.of("key", storeKey(storeId, listId, createdAt)));
        }
        return !adopt;
    }

    /** The store lost records Ponte had sent (emptied): its next TOTAL is a history load again. */
    public void refill(String storeId) {
        jdbc.update("UPDATE mailchimp_store_sync SET first_total_at = NULL WHERE store_id = :store", Map.of("store", storeId));
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
