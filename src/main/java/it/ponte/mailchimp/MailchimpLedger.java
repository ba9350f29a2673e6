package it.ponte.mailchimp;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What Mailchimp holds of each shop record ({@code mailchimp_sync}): written after every successful write, read
 * before the next one, so an order Mailchimp has is PATCHed and never POSTed again, and an unchanged record is not
 * sent at all. Every row names the store it was written into ({@code store_key}, see {@link MailchimpStoreSync}):
 * a row of another store is not believed, so a new or recreated store gets everything again.
 */
@Repository
public class MailchimpLedger {

    /** Mailchimp's copy of one shop record. */
    public record Entry(String remoteId, String remoteState, String payloadHash, boolean deleted) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public MailchimpLedger(@Qualifier("shopJdbc") NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The record as Ponte wrote it into the store of {@code storeKey}; empty when it did not (or not into this store). */
    public Optional<Entry> find(String storeKey, MailchimpEntity entity, long entityId) {
        return jdbc.query("""
                        SELECT remote_id, remote_state, payload_hash, deleted FROM mailchimp_sync
                        WHERE entity = :entity AND entity_id = :id AND store_key = :key""",
                        new MapSqlParameterSource("entity", entity.name()).addValue("id", entityId).addValue("key", storeKey),
                        (rs, i) -> new Entry(rs.getString("remote_id"), rs.getString("remote_state"), rs.getString("payload_hash"), rs.getBoolean("deleted")))
                .stream().findFirst();
    }

    public void record(String storeKey, MailchimpEntity entity, long entityId, String remoteId, String remoteState, String payloadHash,
                       boolean deleted) {
        jdbc.update("""
                INSERT INTO mailchimp_sync (entity, entity_id, store_key, remote_id, remote_state, payload_hash, deleted)
                VALUES (:entity, :id, :key, :remoteId, :state, :hash, :deleted)
                ON DUPLICATE KEY UPDATE store_key = VALUES(store_key), remote_id = VALUES(remote_id), remote_state = VALUES(remote_state),
                    payload_hash = VALUES(payload_hash), deleted = VALUES(deleted)""",
                new MapSqlParameterSource("entity", entity.name()).addValue("id", entityId).addValue("key", storeKey).addValue("remoteId", remoteId)
                        .addValue("state", remoteState).addValue("hash", payloadHash).addValue("deleted", deleted));
    }

    /** How many records of each entity Ponte believes the store holds (deleted carts not counted). */
    public Map<MailchimpEntity, Integer> counts(String storeKey) {
        Map<MailchimpEntity, Integer> counts = new EnumMap<>(MailchimpEntity.class);
        jdbc.query("SELECT entity, COUNT(*) AS n FROM mailchimp_sync WHERE store_key = :key AND deleted = FALSE GROUP BY entity",
                Map.of("key", storeKey), (RowCallbackHandler) rs -> counts.put(MailchimpEntity.valueOf(rs.getString("entity")), rs.getInt("n")));
        return counts;
    }

    /** Mailchimp lacks this record (it said so): Ponte no longer believes it sent it, and its next write sends it. */
    public void forget(String storeKey, MailchimpEntity entity, long entityId) {
        jdbc.update("DELETE FROM mailchimp_sync WHERE store_key = :key AND entity = :entity AND entity_id = :id",
                new MapSqlParameterSource("key", storeKey).addValue("entity", entity.name()).addValue("id", entityId));
    }

    /** The store lost records of this entity: Ponte no longer believes it holds any, and sends them all again. */
    public int forget(String storeKey, MailchimpEntity entity) {
        return jdbc.update("DELETE FROM mailchimp_sync WHERE store_key = :key AND entity = :entity",
                Map.of("key", storeKey, "entity", entity.name()));
    }
}
