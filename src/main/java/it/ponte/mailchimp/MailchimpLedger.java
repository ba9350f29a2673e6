package it.ponte.mailchimp;

import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What Mailchimp holds of each shop record ({@code mailchimp_sync}): written after every successful write, read
 * before the next one, so an order Mailchimp has is PATCHed and never POSTed again, and an unchanged record is not
 * sent at all.
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

    public Optional<Entry> find(MailchimpEntity entity, long entityId) {
        return jdbc.query("SELECT remote_id, remote_state, payload_hash, deleted FROM mailchimp_sync WHERE entity = :entity AND entity_id = :id",
                        Map.of("entity", entity.name(), "id", entityId),
                        (rs, i) -> new Entry(rs.getString("remote_id"), rs.getString("remote_state"), rs.getString("payload_hash"), rs.getBoolean("deleted")))
                .stream().findFirst();
    }

    public void record(MailchimpEntity entity, long entityId, String remoteId, String remoteState, String payloadHash, boolean deleted) {
        jdbc.update("""
                INSERT INTO mailchimp_sync (entity, entity_id, remote_id, remote_state, payload_hash, deleted)
                VALUES (:entity, :id, :remoteId, :state, :hash, :deleted)
                ON DUPLICATE KEY UPDATE remote_id = VALUES(remote_id), remote_state = VALUES(remote_state),
                    payload_hash = VALUES(payload_hash), deleted = VALUES(deleted)""",
                new MapSqlParameterSource("entity", entity.name()).addValue("id", entityId).addValue("remoteId", remoteId)
                        .addValue("state", remoteState).addValue("hash", payloadHash).addValue("deleted", deleted));
    }
}
