package it.ponte.sync;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One run at a time across every Ponte node: a lease on a row of the shop database, taken with a single
 * conditional UPDATE and renewed while the run lives. A node that crashes stops renewing, and its lease
 * expires after {@code ponte.sync.lock-lease}.
 */
@Component
public class SyncLock {

    private static final Logger log = LoggerFactory.getLogger(SyncLock.class);

    private final NamedParameterJdbcTemplate shop;
    private final SyncProperties properties;
    private final SyncRuns runs;
    private final Clock clock;
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ponte-sync-lock");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, ScheduledFuture<?>> renewals = new java.util.concurrent.ConcurrentHashMap<>();

    public SyncLock(@Qualifier("shopJdbc") NamedParameterJdbcTemplate shop, SyncProperties properties, SyncRuns runs, Clock clock) {
        this.shop = shop;
        this.properties = properties;
        this.runs = runs;
        this.clock = clock;
    }

    /** Takes the lock for a new run, or answers which run holds it. */
    public Optional<String> tryAcquire(String node) {
        String token = node + "/" + UUID.randomUUID();
        Long expiredRun = expiredHolder();
        int taken = shop.update("""
                UPDATE sync_lock SET owner = :token, run_id = NULL, expires_at = :expires
                WHERE name = 'sync' AND (owner IS NULL OR expires_at < :now)
                """, new MapSqlParameterSource().addValue("token", token).addValue("now", Timestamp.from(clock.instant()))
                .addValue("expires", Timestamp.from(clock.instant().plus(properties.lockLease()))));
        if (taken == 0) {
            return Optional.empty();
        }
        if (expiredRun != null) {
            runs.abandon(expiredRun, "Il nodo che eseguiva la sincronizzazione ha smesso di rispondere (lock scaduto)");
        }
        long every = Math.max(1000, properties.lockLease().toMillis() / 3);
        renewals.put(token, renewer.scheduleAtFixedRate(() -> renew(token), every, every, TimeUnit.MILLISECONDS));
        return Optional.of(token);
    }

    void attach(String token, long runId) {
        shop.update("UPDATE sync_lock SET run_id = :runId WHERE name = 'sync' AND owner = :token",
                Map.of("runId", runId, "token", token));
    }

    public void release(String token) {
        ScheduledFuture<?> renewal = renewals.remove(token);
        if (renewal != null) {
            renewal.cancel(false);
        }
        shop.update("UPDATE sync_lock SET owner = NULL, run_id = NULL, expires_at = NULL WHERE name = 'sync' AND owner = :token",
                Map.of("token", token));
    }

    /** The run holding the lock now, if any. */
    public Optional<Long> holder() {
        List<Long> ids = shop.queryForList("SELECT run_id FROM sync_lock WHERE name = 'sync' AND owner IS NOT NULL AND expires_at >= :now",
                Map.of("now", Timestamp.from(clock.instant())), Long.class);
        return ids.isEmpty() ? Optional.empty() : Optional.ofNullable(ids.get(0));
    }

    private Long expiredHolder() {
        List<Long> ids = shop.queryForList("SELECT run_id FROM sync_lock WHERE name = 'sync' AND owner IS NOT NULL AND expires_at < :now",
                Map.of("now", Timestamp.from(clock.instant())), Long.class);
        return ids.isEmpty() ? null : ids.get(0);
    }

    private void renew(String token) {
        try {
            int renewed = shop.update("UPDATE sync_lock SET expires_at = :expires WHERE name = 'sync' AND owner = :token",
                    new MapSqlParameterSource().addValue("token", token)
                            .addValue("expires", Timestamp.from(clock.instant().plus(properties.lockLease()))));
            if (renewed == 0) {
                log.warn("Sync lock {} was lost (expired and taken by another node)", token);
            }
        } catch (RuntimeException e) {
            log.warn("Could not renew the sync lock: {}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        renewer.shutdownNow();
    }
}
