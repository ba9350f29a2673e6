package it.ponte.mailchimp;

import it.ponte.outbox.OutboxLifecycle;
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
 * still written once. The row follows the one outbox lifecycle ({@link OutboxLifecycle}): PENDING until written;
 * permanent refusals count as attempts and, at {@code ponte.outbox.max-refusals} (alias
 * {@code ponte.mailchimp.max-attempts}), park the row with Mailchimp's reason until someone retries it. Transient
 * failures (Mailchimp down) do not count: an outage must not park the whole shop.
 */
@Repository
public class MailchimpOutbox {

    private final NamedParameterJdbcTemplate jdbc;
    private final OutboxLifecycle lifecycle;

    public MailchimpOutbox(@Qualifier("shopJdbc") NamedParameterJdbcTemplate jdbc, OutboxLifecycle lifecycle) {
        this.jdbc = jdbc;
        this.lifecycle = lifecycle;
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
                    next_try_at = IF(status = 'DONE', NULL, next_try_at),
                    operation = IF(status = 'PARKED', operation, VALUES(operation)),
                    status = IF(status = 'PARKED', 'PARKED', 'PENDING')""", rows);
    }

    public List<MailchimpOutboxEntry> owed(MailchimpEntity entity) {
        return jdbc.query("SELECT * FROM mailchimp_outbox WHERE entity = :entity AND " + OutboxLifecycle.DUE + " ORDER BY entity_id",
                Map.of("entity", entity.name()), MailchimpOutbox::entry);
    }

    public void done(long id, String payloadHash, String outcome) {
        jdbc.update("UPDATE mailchimp_outbox SET payload_hash = :hash, outcome = :outcome WHERE id = :id",
                new MapSqlParameterSource("id", id).addValue("hash", payloadHash).addValue("outcome", outcome));
        lifecycle.done(OutboxLifecycle.Outbox.MAILCHIMP, id);
    }

    /** A failure that may pass by itself: the row stays owed, its attempts untouched. */
    public void failedTransiently(long id, String error) {
        lifecycle.failedTransiently(OutboxLifecycle.Outbox.MAILCHIMP, id, error, null);
    }

    /** A refusal: one more attempt; at {@code maxAttempts} the row is parked. Returns the new status. */
    public OutboxStatus failed(long id, String error, int maxAttempts) {
        return OutboxStatus.valueOf(lifecycle.refused(OutboxLifecycle.Outbox.MAILCHIMP, id, error, maxAttempts).name());
    }

    /** Why a row that stays owed was not sent (it waits for something else): no attempt counted, its status unchanged. */
    public void note(long id, String note) {
        lifecycle.note(OutboxLifecycle.Outbox.MAILCHIMP, id, note);
    }

    public Optional<MailchimpOutboxEntry> find(MailchimpEntity entity, long entityId) {
        return jdbc.query("SELECT * FROM mailchimp_outbox WHERE entity = :entity AND entity_id = :id",
                Map.of("entity", entity.name(), "id", entityId), MailchimpOutbox::entry).stream().findFirst();
    }

    public List<MailchimpOutboxEntry> parked() {
        return jdbc.query("SELECT * FROM mailchimp_outbox WHERE status = 'PARKED' ORDER BY updated_at, id", Map.of(), MailchimpOutbox::entry);
    }

    public Optional<MailchimpOutboxEntry> find(long id) {
        return jdbc.query("SELECT * FROM mailchimp_outbox WHERE id = :id", Map.of("id", id), MailchimpOutbox::entry).stream().findFirst();
    }

    /** A person asked to try a parked row again: it gets a fresh set of attempts. */
    public Optional<MailchimpOutboxEntry> unpark(long id) {
        return lifecycle.retry(OutboxLifecycle.Outbox.MAILCHIMP, id) ? find(id) : Optional.empty();
    }

    private static MailchimpOutboxEntry entry(ResultSet rs, int row) throws SQLException {
        Timestamp updated = rs.getTimestamp("updated_at");
        return new MailchimpOutboxEntry(rs.getLong("id"), MailchimpEntity.valueOf(rs.getString("entity")), rs.getLong("entity_id"),
                OutboxOperation.valueOf(rs.getString("operation")), rs.getInt("attempts"), OutboxStatus.valueOf(rs.getString("status")),
                rs.getString("last_error"), updated == null ? null : updated.toInstant());
    }
}
