package it.ponte.outbox;

import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The one lifecycle of everything Ponte owes a remote (Amazon's commands, Mailchimp's writes), in one place:
 * {@code PENDING → SENT → DONE}, or {@code PARKED} after {@code ponte.outbox.max-refusals} permanent refusals, with the
 * refusals counted in {@code attempts}, the remote's last reason as it gave it, and when the row is due again
 * ({@code next_try_at}). A transient failure (the remote down, slow, busy) never counts toward parking: an outage
 * must not park the whole shop. A person may put a parked row back in line (attempts reset).
 */
@Repository
public class OutboxLifecycle {

    /** The outboxes that follow this lifecycle; each names its own table (never a value from outside). */
    public enum Outbox {
        AMAZON("amazon_outbox"),
        MAILCHIMP("mailchimp_outbox");

        private final String table;

        Outbox(String table) {
            this.table = table;
        }

        public String table() {
            return table;
        }
    }

    public enum State {
        PENDING, SENT, DONE, PARKED
    }

    /** Rows a run may send now: pending, and due. */
    public static final String DUE = due("");

    /** {@link #DUE} for a table named by {@code alias} in a join ("o."). */
    public static String due(String alias) {
        return alias + "status = 'PENDING' AND (" + alias + "next_try_at IS NULL OR " + alias + "next_try_at <= NOW(3))";
    }
    private static final int REASON_LENGTH = 1000;

    private final NamedParameterJdbcTemplate jdbc;
    private final int maxRefusals;

    public OutboxLifecycle(@Qualifier("shopJdbc") NamedParameterJdbcTemplate jdbc,
                           @Value("${ponte.outbox.max-refusals:5}") int maxRefusals) {
        if (maxRefusals < 1) {
            throw new IllegalArgumentException("ponte.outbox.max-refusals must be 1 or more, not " + maxRefusals);
        }
        this.jdbc = jdbc;
        this.maxRefusals = maxRefusals;
    }

    public int maxRefusals() {
        return maxRefusals;
    }

    /** How many rows of the outbox are in each state that is still owed (PENDING, SENT, PARKED): health and metrics. */
    public java.util.Map<State, Integer> depth(Outbox outbox) {
        java.util.Map<State, Integer> depth = new java.util.EnumMap<>(State.class);
        for (State s : State.values()) {
            if (s != State.DONE) {
                depth.put(s, 0);
            }
        }
        jdbc.query("SELECT status, COUNT(*) AS n FROM " + outbox.table() + " WHERE status <> 'DONE' GROUP BY status",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> depth.put(State.valueOf(rs.getString("status")), rs.getInt("n")));
        return depth;
    }

    /** Handed to the remote, its outcome not known yet (an Amazon feed): never sent again meanwhile. */
    public void sent(Outbox outbox, long id) {
        jdbc.update("UPDATE " + outbox.table() + " SET status = 'SENT', next_try_at = NULL WHERE id = :id", Map.of("id", id));
    }

    /** The remote accepted it. */
    public void done(Outbox outbox, long id) {
        jdbc.update("UPDATE " + outbox.table() + " SET status = 'DONE', last_error = NULL, next_try_at = NULL WHERE id = :id",
                Map.of("id", id));
    }

    /** A permanent refusal, with the remote's reason: one more attempt counted; at the limit the row is parked. */
    public State refused(Outbox outbox, long id, String reason) {
        return refused(outbox, id, reason, maxRefusals);
    }

    /** As {@link #refused(Outbox, long, String)}, with a limit of the caller's (kept for the Mailchimp setting's alias). */
    public State refused(Outbox outbox, long id, String reason, int limit) {
        // MariaDB evaluates the assignments left to right: status and next_try_at see the incremented attempts
        jdbc.update("UPDATE " + outbox.table() + """
                 SET attempts = attempts + 1, last_error = :reason,
                     status = IF(attempts >= :max, 'PARKED', 'PENDING'),
                     next_try_at = IF(attempts >= :max, NULL, NOW(3))
                WHERE id = :id""", new MapSqlParameterSource("id", id).addValue("reason", truncate(reason)).addValue("max", limit));
        return state(outbox, id);
    }

    /**
     * A failure that may pass by itself (the remote down, busy, slow): the reason is kept and the row stays where it
     * was (pending, or sent and awaiting its outcome), due again after {@code retryAfter} when the remote asked for one.
     */
    public void failedTransiently(Outbox outbox, long id, String reason, Duration retryAfter) {
        long micros = retryAfter == null ? 0 : retryAfter.toNanos() / 1000;
        jdbc.update("UPDATE " + outbox.table()
                        + " SET last_error = :reason, next_try_at = TIMESTAMPADD(MICROSECOND, :micros, NOW(3)) WHERE id = :id",
                new MapSqlParameterSource("id", id).addValue("reason", truncate(reason)).addValue("micros", micros));
    }

    /** A note about a row that is not a failure of its own (a feed still processing at Amazon). */
    public void note(Outbox outbox, long id, String note) {
        jdbc.update("UPDATE " + outbox.table() + " SET last_error = :note WHERE id = :id",
                new MapSqlParameterSource("id", id).addValue("note", truncate(note)));
    }

    /** Retry on demand: a parked row back in line, with a fresh set of attempts. False when it was not parked. */
    public boolean retry(Outbox outbox, long id) {
        return jdbc.update("UPDATE " + outbox.table() + " SET status = 'PENDING', attempts = 0, next_try_at = NULL WHERE id = :id AND status = 'PARKED'",
                Map.of("id", id)) > 0;
    }

    public State state(Outbox outbox, long id) {
        return jdbc.query("SELECT status FROM " + outbox.table() + " WHERE id = :id", Map.of("id", id),
                (rs, i) -> State.valueOf(rs.getString(1))).stream().findFirst().orElse(State.PENDING);
    }

    static String truncate(String reason) {
        return reason == null || reason.length() <= REASON_LENGTH ? reason : reason.substring(0, REASON_LENGTH);
    }
}
