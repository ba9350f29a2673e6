package it.ponte.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The record of every run, in the shop database. */
@Repository
public class SyncRuns {

    private static final ZoneId ITALY = ZoneId.of("Europe/Rome");

    private final NamedParameterJdbcTemplate shop;
    private final ObjectMapper json;

    public SyncRuns(@Qualifier("shopJdbc") NamedParameterJdbcTemplate shop, ObjectMapper json) {
        this.shop = shop;
        this.json = json;
    }

    /**
     * Records a new run. A Mailchimp run names its scope. A scheduled run names its Quartz firing: the firing is unique,
     * so a firing already run (by this node or another) is refused with a
     * {@link org.springframework.dao.DuplicateKeyException} and runs once only.
     */
    long create(SyncMode mode, SyncTrigger trigger, boolean counted, String accountId, String node, String scope, Firing firing) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        shop.update("""
                INSERT INTO sync_run (mode, run_trigger, counted, account_id, node, phase, scope, scheduled_fire_at, firing)
                VALUES (:mode, :trigger, :counted, :accountId, :node, 'STARTING', :scope, :fireAt, :firing)
                """, new MapSqlParameterSource().addValue("mode", mode.name()).addValue("trigger", trigger.name())
                .addValue("counted", counted).addValue("accountId", accountId).addValue("node", node).addValue("scope", scope)
                .addValue("fireAt", firing == null ? null : Timestamp.from(firing.scheduledFireTime()))
                .addValue("firing", firing == null ? null : firing.key()), key, new String[] {"id"});
        return key.getKey().longValue();
    }

    /** The Quartz firing a scheduled run is for: its trigger and the time it was scheduled to fire. */
    public record Firing(String trigger, Instant scheduledFireTime) {

        /** Unique per firing: the trigger and its scheduled fire time to the millisecond. */
        public String key() {
            return trigger + "@" + scheduledFireTime.toEpochMilli();
        }
    }

    void saveProgress(SyncContext ctx) {
        SyncRun.AmazonWait wait = amazonWait(ctx.getAmazonReport());
        shop.update("""
                UPDATE sync_run SET phase = :phase, progress = :progress, counts = :counts, errors = :errors, amazon_wait = :wait
                WHERE id = :id
                """, new MapSqlParameterSource().addValue("id", ctx.getRunId())
                        .addValue("phase", ctx.getPhase() == null ? "STARTING" : ctx.getPhase().name())
                        .addValue("progress", write(ctx.progressSnapshot())).addValue("counts", write(ctx.countsSnapshot()))
                        .addValue("errors", write(ctx.errors())).addValue("wait", wait == null ? null : write(wait)));
    }

    /** The poll's wait for Amazon's rate budget now, else where it stopped on its time budget, else none. */
    static SyncRun.AmazonWait amazonWait(it.ponte.amazon.AmazonImportReport report) {
        it.ponte.amazon.AmazonImportReport.RateWait wait = report.rateWait();
        return wait == null ? null : new SyncRun.AmazonWait(wait.accountId(), wait.operation(), wait.nextPageAt(), wait.waiting(),
                wait.ordersSoFar());
    }

    void finish(SyncContext ctx, SyncOutcome outcome, String reason) {
        saveProgress(ctx);
        shop.update("""
                UPDATE sync_run SET ended_at = CURRENT_TIMESTAMP(3), outcome = :outcome, reason = :reason, phase = 'DONE'
                WHERE id = :id AND ended_at IS NULL
                """, new MapSqlParameterSource().addValue("id", ctx.getRunId()).addValue("outcome", outcome.name())
                .addValue("reason", truncate(reason)));
    }

    /** Closes a run whose node stopped renewing the lock (crashed or cut off). */
    void abandon(long runId, String reason) {
        shop.update("""
                UPDATE sync_run SET ended_at = CURRENT_TIMESTAMP(3), outcome = 'FAILED', reason = :reason
                WHERE id = :id AND ended_at IS NULL
                """, new MapSqlParameterSource().addValue("id", runId).addValue("reason", reason));
    }

    /** Closes the runs a node left open when it stopped without ending them (it was killed); the answer is how many. */
    int abandonOpenOf(String node, java.util.Collection<Long> stillRunning, String reason) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("node", node).addValue("reason", reason)
                .addValue("running", stillRunning.isEmpty() ? List.of(-1L) : stillRunning);
        return shop.update("""
                UPDATE sync_run SET ended_at = CURRENT_TIMESTAMP(3), outcome = 'FAILED', reason = :reason
                WHERE node = :node AND ended_at IS NULL AND id NOT IN (:running)
                """, params);
    }

    public Optional<SyncRun> find(long id) {
        return shop.query("SELECT * FROM sync_run WHERE id = :id", Map.of("id", id), this::map).stream().findFirst();
    }

    public List<SyncRun> recent(int limit) {
        return shop.query("SELECT * FROM sync_run ORDER BY id DESC LIMIT :limit", Map.of("limit", limit), this::map);
    }

    public Optional<SyncRun> lastFinished() {
        return shop.query("SELECT * FROM sync_run WHERE ended_at IS NOT NULL AND mode NOT IN ('IMPORT', 'MAILCHIMP') ORDER BY id DESC LIMIT 1",
                Map.of(), this::map).stream().findFirst();
    }

    /** Start of the last successful (or partly successful) run of a shop–ERP sync: CHANGED starts from there. */
    Optional<Instant> lastSyncStart() {
        List<Timestamp> starts = shop.queryForList("""
                SELECT started_at FROM sync_run WHERE mode IN ('TOTAL', 'CHANGED') AND outcome IN ('SUCCEEDED', 'PARTIAL')
                ORDER BY id DESC LIMIT 1
                """, Map.of(), Timestamp.class);
        return starts.isEmpty() ? Optional.empty() : Optional.of(starts.get(0).toInstant());
    }

    /** Counted runs started in the current calendar month (Italian time). */
    int countedThisMonth(Instant now) {
        Instant monthStart = ZonedDateTime.ofInstant(now, ITALY).withDayOfMonth(1).toLocalDate().atStartOfDay(ITALY).toInstant();
        Integer n = shop.queryForObject("SELECT COUNT(*) FROM sync_run WHERE counted AND started_at >= :start",
                Map.of("start", Timestamp.from(monthStart)), Integer.class);
        return n == null ? 0 : n;
    }

    private SyncRun map(ResultSet rs, int i) throws SQLException {
        String outcome = rs.getString("outcome");
        return new SyncRun(rs.getLong("id"), SyncMode.valueOf(rs.getString("mode")), SyncTrigger.valueOf(rs.getString("run_trigger")),
                rs.getBoolean("counted"), rs.getString("account_id"), rs.getString("node"), instant(rs, "started_at"),
                instant(rs, "ended_at"), rs.getString("phase"),
                read(rs.getString("progress"), new TypeReference<Map<String, SyncRun.Progress>>() { }, Map.of()),
                read(rs.getString("counts"), new TypeReference<Map<String, Integer>>() { }, Map.of()),
                read(rs.getString("errors"), new TypeReference<List<String>>() { }, List.of()),
                outcome == null ? null : SyncOutcome.valueOf(outcome), rs.getString("reason"), rs.getString("scope"),
                read(rs.getString("amazon_wait"), new TypeReference<SyncRun.AmazonWait>() { }, null),
                instant(rs, "scheduled_fire_at"));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type, T empty) {
        if (text == null || text.isBlank()) {
            return empty;
        }
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            return empty;
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
