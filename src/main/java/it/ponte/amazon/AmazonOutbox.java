package it.ponte.amazon;

import it.ponte.outbox.OutboxLifecycle;
import it.ponte.outbox.OutboxLifecycle.Outbox;
import it.ponte.outbox.OutboxLifecycle.State;
import it.ponte.remote.FailureClass;
import it.ponte.remote.RecordFailure;
import it.ponte.remote.RecordFailureSink;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What Ponte owes Amazon, one line per order and kind, on the one outbox lifecycle ({@link OutboxLifecycle}):
 * PENDING (to send), SENT (in a feed whose result is not known yet: never sent again meanwhile, so a refund cannot go
 * twice), DONE, or PARKED after {@code ponte.outbox.max-refusals} refusals by Amazon, with Amazon's reason, until
 * someone retries it. Its order stays in its pending state meanwhile. It is also the sink of the {@code record-failure}
 * route configuration for the outbound routes: a command that failed keeps the reason and the step it failed in.
 */
@Repository("amazonOutbox")
public class AmazonOutbox implements RecordFailureSink {

    /** The end of the run's one line when Amazon's circuit is open: said once, however many commands wait. */
    public static final String AMAZON_DOWN = "circuito aperto dopo troppi errori; i comandi per Amazon restano in attesa per la prossima sincronizzazione";

    private final NamedParameterJdbcTemplate shop;
    private final OutboxLifecycle lifecycle;
    private final AmazonAvailability availability;

    public AmazonOutbox(@Qualifier("shopJdbc") NamedParameterJdbcTemplate shop, OutboxLifecycle lifecycle, AmazonAvailability availability) {
        this.shop = shop;
        this.lifecycle = lifecycle;
        this.availability = availability;
    }

    public record Entry(long id, long orderId, String accountId, OutboundKind kind, String status, String feedId, Integer messageId,
                        int attempts, String lastError, Instant nextTryAt, String amazonOrderId) {
    }

    /** Commands of one outbound record (a shipment, or the messages of one feed) and the run's tally. */
    public record Owed(List<Entry> entries, OutboundTally tally) {
    }

    /** A feed already at Amazon whose outcome this run reads; a failure to read it leaves its commands SENT. */
    public record InFlightFeed(String feedId, String accountId, List<Entry> entries, OutboundTally tally) {
    }

    public List<Entry> pending(OutboundKind kind) {
        return query(OutboxLifecycle.due("o.") + " AND o.kind = :kind", Map.of("kind", kind.name()));
    }

    public List<Entry> inFlight() {
        return query("o.status = 'SENT'", Map.of());
    }

    /** The feeds at Amazon whose outcome is not known yet, each with its commands. */
    public List<InFlightFeed> inFlightFeeds(OutboundTally tally) {
        Map<String, List<Entry>> byFeed = inFlight().stream()
                .collect(Collectors.groupingBy(Entry::feedId, LinkedHashMap::new, Collectors.toList()));
        return byFeed.entrySet().stream().map(e -> new InFlightFeed(e.getKey(), e.getValue().get(0).accountId(), e.getValue(), tally)).toList();
    }

    public List<Entry> all() {
        return query("1 = 1", Map.of());
    }

    /** Commands Amazon refused too often: waiting for a person, their orders still pending. */
    public List<Entry> parked() {
        return query("o.status = 'PARKED'", Map.of());
    }

    public Optional<Entry> find(long id) {
        return query("o.id = :id", Map.of("id", id)).stream().findFirst();
    }

    /** Retry on demand: a parked command back in line for the next run, with a fresh set of attempts. */
    public Optional<Entry> retry(long id) {
        return lifecycle.retry(Outbox.AMAZON, id) ? find(id) : Optional.empty();
    }

    public void markSent(long id, String feedId, int messageId) {
        shop.update("UPDATE amazon_outbox SET feed_id = :feedId, message_id = :messageId WHERE id = :id",
                Map.of("id", id, "feedId", feedId, "messageId", messageId));
        lifecycle.sent(Outbox.AMAZON, id);
    }

    /**
     * A refusal that resending cannot change (a confirmShipment Amazon answered 400, a refund in a FATAL feed): parked
     * at once, with the reason, for a person to decide.
     */
    public void park(long id, String reason) {
        lifecycle.refused(Outbox.AMAZON, id, reason, 1);
    }

    /** A feed created at Amazon: it starts the account's feed interval for its type. */
    public void feedCreated(String feedId, String accountId, String feedType, int messages, int bytes) {
        shop.update("""
                INSERT INTO amazon_feed (feed_id, account_id, feed_type, messages, bytes) VALUES (:feedId, :account, :type, :messages, :bytes)""",
                new org.springframework.jdbc.core.namedparam.MapSqlParameterSource("feedId", feedId).addValue("account", accountId)
                        .addValue("type", feedType).addValue("messages", messages).addValue("bytes", bytes));
    }

    /** When Ponte asked Amazon for the feed (its row in amazon_feed). */
    public Optional<Instant> feedSubmittedAt(String feedId) {
        return shop.query("SELECT submitted_at FROM amazon_feed WHERE feed_id = :id", Map.of("id", feedId),
                (rs, i) -> rs.getTimestamp(1).toInstant()).stream().findFirst();
    }

    /** The feeds of the account Ponte knows it created. */
    public java.util.Set<String> knownFeedIds(String accountId) {
        return new java.util.HashSet<>(shop.queryForList("SELECT feed_id FROM amazon_feed WHERE account_id = :account",
                Map.of("account", accountId), String.class));
    }

    /** An unconfirmed feed found at Amazon: its commands and its row take the feed's real id. */
    public void adoptFeed(String unconfirmedId, String feedId) {
        shop.update("UPDATE amazon_feed SET feed_id = :real WHERE feed_id = :id", Map.of("real", feedId, "id", unconfirmedId));
        shop.update("UPDATE amazon_outbox SET feed_id = :real WHERE feed_id = :id AND status = 'SENT'", Map.of("real", feedId, "id", unconfirmedId));
    }

    /** An unconfirmed feed Amazon never created: its commands are owed again (not a refusal), and it never counted as a feed. */
    public void unsend(String unconfirmedId, String note) {
        shop.update("""
                UPDATE amazon_outbox SET status = 'PENDING', feed_id = NULL, message_id = NULL, next_try_at = NULL, last_error = :note
                 WHERE feed_id = :id AND status = 'SENT'""", Map.of("id", unconfirmedId, "note", note));
        forgetFeed(unconfirmedId);
    }

    public void forgetFeed(String feedId) {
        shop.update("DELETE FROM amazon_feed WHERE feed_id = :id", Map.of("id", feedId));
    }

    /** How long ago the account's last feed of that type was created at Amazon; empty when it never was. */
    public Optional<java.time.Duration> sinceLastFeed(String accountId, String feedType) {
        Long micros = shop.queryForObject("""
                SELECT TIMESTAMPDIFF(MICROSECOND, MAX(submitted_at), NOW(3)) FROM amazon_feed
                 WHERE account_id = :account AND feed_type = :type""", Map.of("account", accountId, "type", feedType), Long.class);
        return Optional.ofNullable(micros).map(m -> java.time.Duration.ofNanos(m * 1000));
    }

    /** A note on a command that waits, not failed (the next allowed feed): its attempts untouched. */
    public void note(long id, String note) {
        lifecycle.note(Outbox.AMAZON, id, note);
    }

    /** Amazon refused the command (a 4xx, a refused feed message): counted; at the limit it is parked. */
    public State refused(long id, String reason) {
        return lifecycle.refused(Outbox.AMAZON, id, reason);
    }

    /** A feed still in Amazon's hands: keep it SENT, note why the run could not settle it. */
    public void stillProcessing(long id, String status) {
        lifecycle.note(Outbox.AMAZON, id, "feed " + status + " at Amazon");
    }

    @Override
    public String recordFailed(RecordFailure failure) {
        if (failure.failureClass() == FailureClass.REMOTE_DOWN) {
            // "non raggiungibile" only when it was not reachable; an Amazon answering errors is named as such
            String line = availability.commandsWaitLine();
            if (failure.record() instanceof Owed owed) {
                owed.entries().forEach(e -> lifecycle.failedTransiently(Outbox.AMAZON, e.id(), line, null));
                owed.tally().failed(owed.entries().size());
            }
            return line;
        }
        String reason = failure.step() + ": " + failure.reason();
        if (failure.record() instanceof InFlightFeed feed) {
            // never resubmitted blindly: its outcome is read again next run
            return "Feed " + feed.feedId() + " (account " + feed.accountId() + "): esito non letto, " + reason;
        }
        Owed owed = (Owed) failure.record();
        boolean counts = failure.failureClass().countsTowardParking();
        boolean parked = false;
        for (Entry entry : owed.entries()) {
            if (counts) {
                parked |= refused(entry.id(), reason) == State.PARKED;
            } else {
                lifecycle.failedTransiently(Outbox.AMAZON, entry.id(), reason, null);
            }
        }
        owed.tally().failed(owed.entries().size());
        String parkedNote = parked ? " (parcheggiato dopo " + lifecycle.maxRefusals() + " rifiuti: riprova da /api/amazon/parked)" : "";
        if (owed.entries().size() == 1) {
            Entry e = owed.entries().get(0);
            return "Ordine Amazon " + e.amazonOrderId() + " (" + e.kind() + "): " + reason + parkedNote;
        }
        Entry first = owed.entries().get(0);
        return "Feed " + first.kind() + " dell'account " + first.accountId() + " non inviato (ordini Amazon "
                + owed.entries().stream().map(Entry::amazonOrderId).collect(Collectors.joining(", ")) + "): " + reason + parkedNote;
    }

    private List<Entry> query(String where, Map<String, ?> params) {
        return shop.query("""
                SELECT o.*, s.amazon_order_id FROM amazon_outbox o JOIN shop_order s ON s.id = o.order_id
                WHERE """ + " " + where + " ORDER BY o.id", params, (rs, i) -> {
            Timestamp next = rs.getTimestamp("next_try_at");
            return new Entry(rs.getLong("id"), rs.getLong("order_id"), rs.getString("account_id"), OutboundKind.valueOf(rs.getString("kind")),
                    rs.getString("status"), rs.getString("feed_id"), rs.getObject("message_id", Integer.class), rs.getInt("attempts"),
                    rs.getString("last_error"), next == null ? null : next.toInstant(), rs.getString("amazon_order_id"));
        });
    }
}
