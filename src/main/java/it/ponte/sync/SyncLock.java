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
 * expires after {@code ponte.sync.lock-lease}, and any node takes it over at its next try. A node that was killed and
 * starts again does not wait for its own lease: its token names the node and the process, so at start it recognises
 * the lock of its previous life (same node, that process gone) and frees it at once ({@link #recoverOwn}).
 */
@Component
public class SyncLock {

    private static final Logger log = LoggerFactory.getLogger(SyncLock.class);

    private final NamedParameterJdbcTemplate shop;
    private final SyncProperties properties;
    private final SyncRuns runs;
    private final Clock clock;
    private final ActiveRuns active;
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ponte-sync-lock");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, ScheduledFuture<?>> renewals = new java.util.concurrent.ConcurrentHashMap<>();

    public SyncLock(@Qualifier("shopJdbc") NamedParameterJdbcTemplate shop, SyncProperties properties, SyncRuns runs, Clock clock,
                    ActiveRuns active) {
        this.active = active;
        this.shop = shop;
        this.properties = properties;
        this.runs = runs;
        this.clock = clock;
    }

    /** The lock of the shop–ERP sync runs (and the Amazon imports). */
    public static final String SYNC = "sync";

    /**
     * The lock of the Mailchimp manual syncs (customers, products, order history): one at a time, as they share the
     * store's {@code is_syncing} flag (a history load sets it, and the end of any Mailchimp run clears it).
     */
    public static final String MAILCHIMP = "mailchimp";

    /** Takes the lock for a new run, or answers which run holds it. */
    public Optional<String> tryAcquire(String node) {
        return tryAcquire(SYNC, node);
    }

    /** Takes the named lock for a new run ({@link #SYNC}, {@link #MAILCHIMP}), or answers which run holds it. */
    public Optional<String> tryAcquire(String name, String node) {
        String token = node + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 13);
        Long expiredRun = expiredHolder(name);
        int taken = shop.update("""
                UPDATE sync_lock SET owner = :token, run_id = NULL, expires_at = :expires
                WHERE name = :name AND (owner IS NULL OR expires_at < :now)
                """, new MapSqlParameterSource().addValue("token", token).addValue("now", Timestamp.from(clock.instant()))
                .addValue("name", name).addValue("expires", Timestamp.from(clock.instant().plus(properties.lockLease()))));
        if (taken == 0) {
            return Optional.empty();
        }
        if (expiredRun != null) {
            runs.abandon(expiredRun, "Il nodo che eseguiva la sincronizzazione ha smesso di rispondere (lock scaduto)");
        }
        ISSUED.add(token);
        long every = Math.max(1000, properties.lockLease().toMillis() / 3);
        renewals.put(token, renewer.scheduleAtFixedRate(() -> renew(token), every, every, TimeUnit.MILLISECONDS));
        return Optional.of(token);
    }

    /**
     * At start: a lock this node held in a previous life (its token names this node and a process that no longer runs
     * here) is freed and its run recorded as interrupted, without waiting for the lease; so are the runs the node left
     * open. A lock of another live process with the same node name is left alone (its lease rules).
     */
    public int recoverOwn(String node) {
        List<Map<String, Object>> held = shop.queryForList(
                "SELECT name, owner, run_id FROM sync_lock WHERE owner IS NOT NULL", Map.of());
        String reason = "Il nodo " + node + " è ripartito mentre eseguiva questa sincronizzazione: interrotta (il lavoro restante "
                + "è ripreso dalla sincronizzazione successiva)";
        java.util.Set<Long> running = new java.util.HashSet<>(ActiveRuns.inThisJvm());
        for (Map<String, Object> row : held) {
            String owner = (String) row.get("owner");
            Long runId = row.get("run_id") == null ? null : ((Number) row.get("run_id")).longValue();
            if (isOwnStale(owner, node)) {
                if (runId != null) {
                    runs.abandon(runId, reason);
                }
                int freed = shop.update("UPDATE sync_lock SET owner = NULL, run_id = NULL, expires_at = NULL WHERE owner = :owner",
                        Map.of("owner", owner));
                if (freed > 0) {
                    log.warn("Freed the sync lock this node ({}) held before it stopped abruptly (run {})", node, runId);
                }
            } else if (runId != null) {
                running.add(runId);
            }
        }
        int closed = runs.abandonOpenOf(node, running, reason);
        if (closed > 0) {
            log.warn("Closed {} run(s) this node ({}) left open when it stopped abruptly", closed, node);
        }
        return closed;
    }

    /** Same node, and the process named in the token is not alive on this host (or is this very JVM's, from no live run). */
    static boolean isOwnStale(String owner, String node) {
        if (owner == null || !owner.startsWith(node + "/")) {
            return false;
        }
        String[] rest = owner.substring(node.length() + 1).split("/");
        if (rest.length != 2) {
            return true; // a token of an older Ponte, which named no process: this node's previous life
        }
        long pid;
        try {
            pid = Long.parseLong(rest[0]);
        } catch (NumberFormatException e) {
            return true;
        }
        if (pid == ProcessHandle.current().pid()) {
            return !ISSUED.contains(owner);
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("java")).orElse(true)).isEmpty();
    }

    private static final java.util.Set<String> ISSUED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    void attach(String token, long runId) {
        shop.update("UPDATE sync_lock SET run_id = :runId WHERE owner = :token",
                Map.of("runId", runId, "token", token));
    }

    public void release(String token) {
        ISSUED.remove(token);
        ScheduledFuture<?> renewal = renewals.remove(token);
        if (renewal != null) {
            renewal.cancel(false);
        }
        shop.update("UPDATE sync_lock SET owner = NULL, run_id = NULL, expires_at = NULL WHERE owner = :token",
                Map.of("token", token));
    }

    /** The run holding the sync lock now, if any. */
    public Optional<Long> holder() {
        return holder(SYNC);
    }

    /** The run holding the named lock now, if any. */
    public Optional<Long> holder(String name) {
        List<Long> ids = shop.queryForList("SELECT run_id FROM sync_lock WHERE name = :name AND owner IS NOT NULL AND expires_at >= :now",
                Map.of("name", name, "now", Timestamp.from(clock.instant())), Long.class);
        return ids.isEmpty() ? Optional.empty() : Optional.ofNullable(ids.get(0));
    }

    private Long expiredHolder(String name) {
        List<Long> ids = shop.queryForList("SELECT run_id FROM sync_lock WHERE name = :name AND owner IS NOT NULL AND expires_at < :now",
                Map.of("name", name, "now", Timestamp.from(clock.instant())), Long.class);
        return ids.isEmpty() ? null : ids.get(0);
    }

    private void renew(String token) {
        long started = System.nanoTime();
        try {
            int renewed = shop.update("UPDATE sync_lock SET expires_at = :expires WHERE owner = :token",
                    new MapSqlParameterSource().addValue("token", token)
                            .addValue("expires", Timestamp.from(clock.instant().plus(properties.lockLease()))));
            if (renewed == 0) {
                log.warn("Sync lock {} was lost (expired and taken by another node)", token);
            }
        } catch (RuntimeException e) {
            log.warn("Could not renew the sync lock: {}", e.toString());
        } finally {
            traceFreeze(token, java.time.Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /**
     * A renewal is one tiny UPDATE: when it took longer than {@code ponte.sync.freeze-trace} the shop database froze
     * (or its host did). The run in flight says so, and cannot end SUCCEEDED as if nothing happened.
     */
    private void traceFreeze(String token, java.time.Duration took) {
        if (took.compareTo(properties.freezeTrace()) < 0) {
            return;
        }
        String line = "Il database del negozio non ha risposto per " + took.toSeconds() + " s (rinnovo del lock della sincronizzazione)";
        log.warn("The shop database did not answer for {} ms (sync lock renewal)", took.toMillis());
        active.all().stream().filter(ctx -> token.equals(ctx.lockToken())).forEach(ctx -> ctx.error(line));
    }

    @PreDestroy
    void stop() {
        renewer.shutdownNow();
    }
}
