package it.ponte.sync;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import org.apache.camel.Header;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts runs, whoever asks (schedule, REST, JMX, an account's "Sincro Ordini"): checks the contract quota,
 * takes the cluster lock, records the run and hands it to the {@code sync-run} route, which runs it in the
 * background. Refusals are exceptions the callers turn into 409 answers or log lines.
 */
@Component("syncLauncher")
public class SyncLauncher {

    private static final Logger log = LoggerFactory.getLogger(SyncLauncher.class);
    public static final String RUN_ENDPOINT = "seda:sync-run";
    /** Where a Mailchimp manual sync runs (routes/mailchimp-sync.camel.yaml), in the background like the sync runs. */
    public static final String MAILCHIMP_RUN_ENDPOINT = "seda:mailchimp-manual-run";
    private static final java.util.Map<String, String> MAILCHIMP_KINDS = java.util.Map.of(
            "CUSTOMERS", "La sincro manuale Mailchimp dei clienti", "PRODUCTS", "La sincro manuale Mailchimp dei prodotti",
            "ORDERS", "L'invio a Mailchimp dello storico ordini");

    private final SyncLock lock;
    private final SyncRuns runs;
    private final SyncProperties properties;
    private final ProducerTemplate producer;
    private final Clock clock;
    private final ActiveRuns active;
    private final SyncFirings firings;
    private final String node;

    public SyncLauncher(SyncLock lock, SyncRuns runs, SyncProperties properties, ProducerTemplate producer, Clock clock,
                        ActiveRuns active, SyncFirings firings) {
        this.active = active;
        this.firings = firings;
        this.lock = lock;
        this.runs = runs;
        this.properties = properties;
        this.producer = producer;
        this.clock = clock;
        this.node = properties.node() != null && !properties.node().isBlank() ? properties.node() : hostName();
    }

    /** Starts a run; the answer is its id. */
    public long launch(SyncMode mode, SyncTrigger trigger, String accountId) {
        return launch(mode, trigger, accountId, null);
    }

    /** Starts a run, for a Quartz firing when {@code firing} is given (a firing already run is refused: it runs once). */
    public long launch(SyncMode mode, SyncTrigger trigger, String accountId, SyncRuns.Firing firing) {
        return active.admit(node, () -> start(mode, trigger, accountId, firing));
    }

    private long start(SyncMode mode, SyncTrigger trigger, String accountId, SyncRuns.Firing firing) {
        boolean counted = mode != SyncMode.IMPORT && trigger != SyncTrigger.ACCOUNT_ORDER_SYNC;
        if (counted && properties.quotaPerMonth() > 0) {
            int used = runs.countedThisMonth(clock.instant());
            if (used >= properties.quotaPerMonth()) {
                throw new SyncQuotaExceededException(used, properties.quotaPerMonth());
            }
        }
        String token = lock.tryAcquire(node).orElseThrow(() -> new SyncAlreadyRunningException(runningRunId(SyncLock.SYNC)));
        long runId;
        try {
            runId = runs.create(mode, trigger, counted, accountId, node, null, firing);
            lock.attach(token, runId);
        } catch (RuntimeException e) {
            lock.release(token);
            throw e;
        }
        Instant since = mode == SyncMode.CHANGED ? runs.lastSyncStart().orElse(null) : null;
        SyncContext context = new SyncContext(new RunIdentity(runId, mode, trigger, counted, accountId, since, token));
        hand(context, RUN_ENDPOINT);
        log.info("Sync run {} started: mode {}, trigger {}{}", runId, mode, trigger, accountId == null ? "" : ", account " + accountId);
        return runId;
    }

    /**
     * Starts a Mailchimp manual sync as a run (mode MAILCHIMP, never counted): {@code scope} CUSTOMERS, PRODUCTS or
     * ORDERS (the order history, placed since {@code since} when given). One at a time, under a lock of their own (not
     * the sync runs'): a second press while one runs is refused naming the one in progress. The answer is the run's id.
     */
    public long launchMailchimp(String scope, SyncTrigger trigger, Instant since) {
        String what = MAILCHIMP_KINDS.get(scope);
        if (what == null) {
            throw new IllegalArgumentException("Mailchimp manual sync scope must be one of " + MAILCHIMP_KINDS.keySet() + ", not " + scope);
        }
        return active.admit(node, () -> startMailchimp(scope, trigger, since));
    }

    private long startMailchimp(String scope, SyncTrigger trigger, Instant since) {
        String token = lock.tryAcquire(SyncLock.MAILCHIMP, node).orElseThrow(() -> {
            Long running = runningRunId(SyncLock.MAILCHIMP);
            String scopeRunning = running == null ? null : runs.find(running).map(SyncRun::scope).orElse(null);
            // Map.of refuses a null key: a run not found (or one without a scope) is named in general terms
            return new SyncAlreadyRunningException(running, scopeRunning == null ? "Una sincro manuale Mailchimp"
                    : MAILCHIMP_KINDS.getOrDefault(scopeRunning, "Una sincro manuale Mailchimp"));
        });
        long runId;
        try {
            runId = runs.create(SyncMode.MAILCHIMP, trigger, false, null, node, scope, null);
            lock.attach(token, runId);
        } catch (RuntimeException e) {
            lock.release(token);
            throw e;
        }
        hand(new SyncContext(new RunIdentity(runId, SyncMode.MAILCHIMP, trigger, false, null, since, token, scope)),
                MAILCHIMP_RUN_ENDPOINT);
        log.info("Mailchimp manual sync {} started: scope {}{}", runId, scope, since == null ? "" : ", since " + since);
        return runId;
    }

    /** The run, recorded and locked, goes to its route; its waits for Amazon's rate budget reach its record at once. */
    private void hand(SyncContext context, String endpoint) {
        context.getAmazonReport().onRateWait(() -> {
            try {
                runs.saveProgress(context);
            } catch (RuntimeException e) {
                log.warn("Progress of run {} not saved: {}", context.getRunId(), e.getMessage());
            }
        });
        active.started(context);
        String token = context.lockToken();
        try {
            producer.sendBody(endpoint, context);
        } catch (RuntimeException e) {
            active.ended(context);
            runs.finish(context, SyncOutcome.FAILED, "Impossibile avviare la sincronizzazione: " + e.getMessage());
            lock.release(token);
            throw e;
        }
    }

    /**
     * The scheduled runs, one per Quartz firing: the clustered store gives each firing to one node, which records it
     * ({@link SyncFirings}) with the run it started or why it started none; a firing already recorded is not run again,
     * and the firing recorded with the run makes a second run of it impossible. A refusal (another run going on, quota
     * spent) is logged, not thrown at Quartz.
     */
    public Long scheduled(@Header("syncMode") String mode, @Header("triggerGroup") String group, @Header("triggerName") String name,
                          @Header("scheduledFireTime") java.util.Date fireTime) {
        return fired(firing(group, name, fireTime), SyncMode.valueOf(mode), SyncTrigger.SCHEDULE, null);
    }

    /** An Amazon account's own import schedule. */
    public Long scheduledAccountImport(@Header("amazonAccountId") String accountId, @Header("triggerGroup") String group,
                                       @Header("triggerName") String name, @Header("scheduledFireTime") java.util.Date fireTime) {
        return fired(firing(group, name, fireTime), SyncMode.IMPORT, SyncTrigger.ACCOUNT_SCHEDULE, accountId);
    }

    private Long fired(SyncRuns.Firing firing, SyncMode mode, SyncTrigger trigger, String accountId) {
        String what = trigger == SyncTrigger.SCHEDULE ? "Scheduled " + mode + " sync" : "Scheduled Amazon import of account " + accountId;
        if (firing != null && !firings.claim(firing, node)) {
            log.warn("{} skipped: its firing {} was already taken", what, firing.key());
            return null;
        }
        try {
            long runId = launch(mode, trigger, accountId, firing);
            decided(firing, SyncFirings.Outcome.RAN, runId, null);
            return runId;
        } catch (SyncAlreadyRunningException e) {
            log.info("{} skipped: {}", what, e.getMessage());
            decided(firing, SyncFirings.Outcome.RUN_IN_PROGRESS, e.runningRunId(), e.getMessage());
            return null;
        } catch (SyncQuotaExceededException e) {
            log.info("{} skipped: {}", what, e.getMessage());
            decided(firing, SyncFirings.Outcome.QUOTA_SPENT, null, e.getMessage());
            return null;
        } catch (NodeStoppingException e) {
            log.info("{} skipped: {}", what, e.getMessage());
            decided(firing, SyncFirings.Outcome.FAILED, null, e.getMessage());
            return null;
        } catch (org.springframework.dao.DuplicateKeyException e) {
            log.warn("{} skipped: its firing {} has already run", what, firing == null ? "" : firing.key());
            return null;
        } catch (RuntimeException e) {
            decided(firing, SyncFirings.Outcome.FAILED, null, e.getMessage());
            throw e;
        }
    }

    private void decided(SyncRuns.Firing firing, SyncFirings.Outcome outcome, Long runId, String reason) {
        if (firing != null) {
            firings.decided(firing, outcome, runId, reason);
        }
    }

    private static SyncRuns.Firing firing(String group, String name, java.util.Date fireTime) {
        return fireTime == null || name == null ? null : new SyncRuns.Firing((group == null ? "" : group + ".") + name, fireTime.toInstant());
    }

    /** The run holding the lock; its id is attached a moment after the lock is taken, so wait for it briefly. */
    private Long runningRunId(String lockName) {
        for (int i = 0; i < 20; i++) {
            Long id = lock.holder(lockName).orElse(null);
            if (id != null) {
                return id;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    public String node() {
        return node;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "ponte";
        }
    }
}
