package it.ponte.sync;

import java.sql.Timestamp;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Every Quartz firing of a sync schedule, recorded once by the node that fired it ({@code sync_firing}): the run it
 * started, or why it started none. The clustered job store gives each firing to one node; the firing's key makes a
 * second handling of it impossible all the same, and a firing no node recorded is one that was lost.
 */
@Repository
public class SyncFirings {

    public enum Outcome {
        /** Claimed by a node, not yet decided (a node that died here leaves it so). */
        FIRED,
        RAN,
        /** Another run held the lock: runs never overlap, the next firing or run does the work. */
        RUN_IN_PROGRESS,
        QUOTA_SPENT,
        FAILED
    }

    private final NamedParameterJdbcTemplate shop;

    public SyncFirings(@Qualifier("shopJdbc") NamedParameterJdbcTemplate shop) {
        this.shop = shop;
    }

    /** This node takes the firing; false when it was already taken (by this node or another). */
    boolean claim(SyncRuns.Firing firing, String node) {
        try {
            shop.update("""
                    INSERT INTO sync_firing (firing, trigger_name, scheduled_fire_at, node, outcome)
                    VALUES (:firing, :trigger, :at, :node, 'FIRED')
                    """, new MapSqlParameterSource("firing", firing.key()).addValue("trigger", firing.trigger())
                    .addValue("at", Timestamp.from(firing.scheduledFireTime())).addValue("node", node));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    void decided(SyncRuns.Firing firing, Outcome outcome, Long runId, String reason) {
        shop.update("UPDATE sync_firing SET outcome = :outcome, run_id = :run, reason = :reason WHERE firing = :firing",
                new MapSqlParameterSource("firing", firing.key()).addValue("outcome", outcome.name()).addValue("run", runId)
                        .addValue("reason", reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 1000)));
    }
}
