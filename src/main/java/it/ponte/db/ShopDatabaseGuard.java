package it.ponte.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The shop database as the rest of Ponte sees it: once a connection could not be had (the server stopped, frozen,
 * unreachable), every further request fails at once with the same reason instead of waiting the pool's connection
 * timeout again — a run with 2,000 orders left would otherwise take 2,000 timeouts to learn it. One request per
 * {@code probeEvery} still goes to the pool: the first that gets a connection ends the outage.
 */
public class ShopDatabaseGuard extends DelegatingDataSource implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ShopDatabaseGuard.class);

    private final String pool;
    private final Duration probeEvery;
    private final Clock clock;
    private final AtomicLong nextProbe = new AtomicLong();
    private volatile Instant downSince;
    private volatile String downReason;

    public ShopDatabaseGuard(DataSource pool, String poolName, Duration probeEvery, Clock clock) {
        super(pool);
        this.pool = poolName;
        this.probeEvery = probeEvery;
        this.clock = clock;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return guarded(() -> super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return guarded(() -> super.getConnection(username, password));
    }

    /** Closes the pool with the context (Spring calls it as the bean's inferred destroy method). */
    @Override
    public void close() throws Exception {
        if (getTargetDataSource() instanceof AutoCloseable pool) {
            pool.close();
        }
    }

    /** Since when the shop database cannot be reached; null while it can. */
    public Instant downSince() {
        return downSince;
    }

    public String downReason() {
        return downReason;
    }

    private Connection guarded(ConnectionSource source) throws SQLException {
        Instant since = downSince;
        if (since != null && !probeNow()) {
            throw new SQLTransientConnectionException(pool + " - the shop database has been unreachable since " + since + " ("
                    + downReason + ")");
        }
        try {
            Connection connection = source.get();
            if (since != null) {
                log.warn("The shop database answers again (unreachable since {})", since);
                downSince = null;
                downReason = null;
            }
            return connection;
        } catch (SQLTransientConnectionException | SQLNonTransientConnectionException e) {
            if (downSince == null) {
                downReason = e.getMessage();
                downSince = clock.instant();
                log.error("The shop database cannot be reached: {}", e.getMessage());
            }
            nextProbe.set(System.nanoTime() + probeEvery.toNanos());
            throw e;
        }
    }

    /** One caller per period tries the pool again. */
    private boolean probeNow() {
        long now = System.nanoTime();
        long due = nextProbe.get();
        return now - due >= 0 && nextProbe.compareAndSet(due, now + probeEvery.toNanos());
    }

    @FunctionalInterface
    private interface ConnectionSource {
        Connection get() throws SQLException;
    }
}
