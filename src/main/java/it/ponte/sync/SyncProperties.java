package it.ponte.sync;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sync schedules, the contract quota and the cluster lock.
 *
 * @param cron         Quartz cron of the CHANGED run ("per Variati")
 * @param totalCron    Quartz cron of the nightly TOTAL run
 * @param quotaPerMonth counted runs allowed per calendar month; 0 means no limit
 * @param lockLease    how long a node's hold on the run lock lasts without renewal (a crashed node's lock expires)
 * @param node         this node's name in run records and the lock; give every node its own (a restarted node
 *                     closes the runs its previous life left open under this name)
 * @param shutdownWait how long a stopping node lets its run reach the end of its phase before recording it interrupted
 * @param outcomeRetry how often an outcome that could not be recorded (shop database down) is tried again
 * @param freezeTrace  a lease renewal that took longer than this is a freeze of the shop database: the run notes it
 */
@ConfigurationProperties("ponte.sync")
public record SyncProperties(
        @DefaultValue("0 0/15 * * * ?") String cron,
        @DefaultValue("0 30 2 * * ?") String totalCron,
        @DefaultValue("0") int quotaPerMonth,
        @DefaultValue("2m") Duration lockLease,
        String node,
        @DefaultValue("20s") Duration shutdownWait,
        @DefaultValue("5s") Duration outcomeRetry,
        @DefaultValue("10s") Duration freezeTrace) {
}
