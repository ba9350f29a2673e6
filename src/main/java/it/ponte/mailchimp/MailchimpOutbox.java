package it.ponte.mailchimp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * The writes Ponte owes Mailchimp ({@code mailchimp_outbox}): one row per shop record, so a record owed twice is
 * still written once. A row stays PENDING until written; permanent refusals count as attempts and, past
 * {@code ponte.mailchimp.max-attempts}, park the row with Mailchimp's reason until someone retries it.
 * Transient failures (Mailchimp down) do not count: an outage must not park the whole shop.
 */
@Repository
public class MailchimpOutbox {

    private static final int ERROR_LENGTH = 1000;

    private final NamedParameterJdbcTemplate jdbc;

    public MailchimpOutbox(@Qualifier("shopJdbc") NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records that these records are owed to Mailchimp; parked ones stay parked (a person decides on them). */
    public void owe(MailchimpEntity entity, OutboxOperation operation, Collection<Long> entityIds) {
        if (entityIds.isEmpty()) {
            return;
        }
        SqlParameterSource[] rows = entityIds.stream()
                .map(id -> new MapSqlParameterSource().addValue("entity", entity.name()).addValue("entityId", id)
                        .addValue("operation", operation.name()))
                .toArray(SqlParameterSource[]::new);
        // attempts is reset before status changes: MariaDB evaluates the assignments left to right
        jdbc.batchUpdate("""
                INSERT INTO mailchimp_outbox (entity, entity_id, operation, status, attempts)
                VALUES (:entity, :entityId, :operation, 'PENDING', 0)
                ON DUPLICATE KEY UPDATE
                    attempts = IF(status = 'DONE', 0, attempts),
                    operation = IF(status = 'PARKED', operation, VALUES(operation)),
                    status = IF(status = 'PARKED', 'PARKED', 'PENDING')""", rows);
    }

    public List<MailchimpOutboxEntry> owed(MailchimpEntity entity) {
        return jdbc.query("SELECT * FROM mailchimp_outbox WHERE entity = :entity AND status = 'PENDING' ORDER BY entity_id",
                Map.of("entity", entity.name()), MailchimpOutbox::entry);
    }

    public void done(long id, String payloadHash, String outcome) {
        jdbc.update("UPDATE mailchimp_outbox SET status = 'DONE', payload_hash = :hash, outcome = :outcome, last_error = NULL WHERE id = :id",
                new MapSqlParameterSource("id", id).addValue("hash", payloadHash).addValue("outcome", outcome));
    }

    /** A failure that may pass by itself: the row stays owed, its attempts untouched. */
    public void failedTransiently(long id, String error) {
        jdbc.update("UPDATE mailchimp_outbox SET last_error = :error WHERE id = :id",
                new MapSqlParameterSource("id", id).addValue("error", truncate(error)));
    }

    /** A refusal: one more attempt; at {@code maxAttempts} the row is parked. Returns the new status. */
    public OutboxStatus failed(long id, String error, int maxAttempts) {
        jdbc.update("""
                UPDATE mailchimp_outbox SET attempts = attempts + 1, last_error = :error,
                    status = IF(attempts >= :max, 'PARKED', 'PENDING')
                WHERE id = :id""", new MapSqlParameterSource("id", id).addValue("error", truncate(error)).addValue("max", maxAttempts));
        return find(id).map(MailchimpOutboxEntry::status).orElse(OutboxStatus.PENDING);
    }

    public List<MailchimpOutboxEntry> parked() {
        return jdbc.query("SELECT * FROM mailchimp_outbox WHERE status = 'PARKED' ORDER BY updated_at, id", Map.of(), MailchimpOutbox::entry);
    }

    public Optional<MailchimpOutboxEntry> find(long id) {
        return jdbc.query("SELECT * FROM mailchimp_outbox WHERE id = :id", Map.of("id", id), MailchimpOutbox::entry).stream().findFirst();
    }

    /** A person asked to try a parked row again: it gets a fresh set of attempts. */
    public Optional<MailchimpOutboxEntry> unpark(long id) {
        int changed = jdbc.update("UPDATE mailchimp_outbox SET status = 'PENDING', attempts = 0 WHERE id = :id AND status = 'PARKED'", Map.of("id", id));
        return changed == 0 ? Optional.empty() : find(id);
    }

    private static MailchimpOutboxEntry entry(ResultSet rs, int row) throws SQLException {
        Timestamp updated = rs.getTimestamp("updated_at");
        return new MailchimpOutboxEntry(rs.getLong("id"), MailchimpEntity.valueOf(rs.getString("entity")), rs.getLong("entity_id"),
                OutboxOperation.valueOf(rs.getString("operation")), rs.getInt("attempts"), OutboxStatus.valueOf(rs.getString("status")),
                rs.getString("last_error"), updated == null ? null : updated.toInstant());
    }

    private static String truncate(String error) {
        return error == null || error.length() <= ERROR_LENGTH ? error : error.substring(0, ERROR_LENGTH);
    }
}
