package it.ponte.mailchimp;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The state of one Mailchimp run, carried by the exchange (property {@value #PROPERTY}): what it covers, the member
 * statuses already looked up (each e-mail at most once per run), and the counts its report is made of.
 * Thread-safe: the splitters write records in parallel.
 */
public class MailchimpRun {

    public static final String PROPERTY = "mailchimpRun";

    private final Long syncRunId;
    private final String syncMode;
    private final MailchimpScope scope;
    private final Instant since;
    private final Instant startedAt = Instant.now();
    private final Map<String, Optional<String>> memberStatuses = new ConcurrentHashMap<>();
    private volatile boolean wholeListKnown;
    private final Map<MailchimpEntity, Tally> tallies = new EnumMap<>(MailchimpEntity.class);
    private volatile String storeProblem;
    private volatile MailchimpVerdict carts;
    private volatile String automationStatus;
    private volatile String abortedBecause;
    private volatile boolean unreachable;
    private volatile boolean storeSyncing;
    private volatile int cartsQueued;
    private volatile String storeKey;
    /** Products whose write failed in this run: the orders and carts naming them wait for the next run. */
    private final Set<String> failedProducts = ConcurrentHashMap.newKeySet();

    private static final class Tally {
        final AtomicInteger created = new AtomicInteger();
        final AtomicInteger updated = new AtomicInteger();
        final AtomicInteger deleted = new AtomicInteger();
        final AtomicInteger parked = new AtomicInteger();
        final Map<MailchimpVerdict, AtomicInteger> skipped = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> failed = new ConcurrentHashMap<>();
    }

    public MailchimpRun(Long syncRunId, String syncMode, MailchimpScope scope, Instant since) {
        this.syncRunId = syncRunId;
        this.syncMode = syncMode;
        this.scope = scope;
        this.since = since;
        for (MailchimpEntity e : MailchimpEntity.values()) {
            tallies.put(e, new Tally());
        }
    }

    public Long syncRunId() {
        return syncRunId;
    }

    public String syncMode() {
        return syncMode;
    }

    public MailchimpScope scope() {
        return scope;
    }

    public Instant since() {
        return since;
    }

    /** The key of the store this run writes into (see {@link MailchimpStoreSync}): the ledger believes only its rows. */
    public String storeKey() {
        return storeKey;
    }

    public void storeKey(String key) {
        this.storeKey = key;
    }

    /** A product's write failed in this run (refused, or Mailchimp out of reach); false when it was known already. */
    public boolean productFailed(long productId) {
        return failedProducts.add(String.valueOf(productId));
    }

    /** Whether a Mailchimp product id names a product whose write failed in this run. */
    public boolean isProductFailed(String productId) {
        return failedProducts.contains(productId);
    }

    // --- member statuses, looked up once per e-mail -----------------------------------------------------------------

    /** The member status of an e-mail (empty: not in the list), looking it up only the first time. */
    public Optional<String> memberStatus(String email, Function<String, Optional<String>> lookup) {
        String key = email.trim().toLowerCase(Locale.ROOT);
        Optional<String> known = memberStatuses.get(key);
        if (known != null) {
            return known;
        }
        if (wholeListKnown) {
            return Optional.empty();
        }
        // computeIfAbsent: parallel writers asking for the same e-mail wait for one look-up instead of making two
        return memberStatuses.computeIfAbsent(key, lookup);
    }

    public boolean isWholeListKnown() {
        return wholeListKnown;
    }

    /** The whole list was paged through: an e-mail not seen is not in the list. */
    public void knowWholeList(Map<String, String> statuses) {
        statuses.forEach((email, status) -> memberStatuses.put(email.toLowerCase(Locale.ROOT), Optional.ofNullable(status)));
        wholeListKnown = true;
    }

    // --- counts -----------------------------------------------------------------------------------------------------

    public void created(MailchimpEntity entity) {
        tallies.get(entity).created.incrementAndGet();
    }

    public void updated(MailchimpEntity entity) {
        tallies.get(entity).updated.incrementAndGet();
    }

    public void deleted(MailchimpEntity entity) {
        tallies.get(entity).deleted.incrementAndGet();
    }

    public void skipped(MailchimpEntity entity, MailchimpVerdict reason) {
        tallies.get(entity).skipped.computeIfAbsent(reason, r -> new AtomicInteger()).incrementAndGet();
    }

    public void failed(MailchimpEntity entity, String reason, boolean parked) {
        tallies.get(entity).failed.computeIfAbsent(reason, r -> new AtomicInteger()).incrementAndGet();
        if (parked) {
            tallies.get(entity).parked.incrementAndGet();
        }
    }

    /**
     * Mailchimp could not be reached (its circuit is open, or a call outlasted its redeliveries): the run stops
     * calling it, and what it still owes stays owed for the next run.
     */
    public void unreachable() {
        this.unreachable = true;
    }

    public boolean isUnreachable() {
        return unreachable;
    }

    public void storeProblem(String problem) {
        this.storeProblem = problem;
    }

    public boolean isStoreReady() {
        return storeProblem == null;
    }

    /** A history load: the backfill of orders, or a TOTAL before the store's first one ended. */
    public boolean isHistoryLoad(boolean firstTotalDone) {
        return scope == MailchimpScope.ORDERS || scope == MailchimpScope.ALL && "TOTAL".equals(syncMode) && !firstTotalDone;
    }

    /** Whether this run set the store's {@code is_syncing} and still has to clear it. */
    public boolean isStoreSyncing() {
        return storeSyncing;
    }

    public void storeSyncing(boolean syncing) {
        this.storeSyncing = syncing;
    }

    /** Carts that changed while they could not be sent, kept owed for the first run that may send them. */
    public void cartsQueued(int count) {
        this.cartsQueued = count;
    }

    public int cartsQueued() {
        return cartsQueued;
    }

    public boolean isAborted() {
        return abortedBecause != null;
    }

    public void cartsVerdict(MailchimpVerdict verdict) {
        this.carts = verdict;
    }

    public void automationStatus(String status) {
        this.automationStatus = status;
    }

    public void abort(String reason) {
        this.abortedBecause = reason;
    }

    public MailchimpReport report(boolean enabled, List<MailchimpOutboxEntry> parked) {
        Map<MailchimpEntity, MailchimpReport.EntityCounts> counts = new LinkedHashMap<>();
        tallies.forEach((entity, t) -> {
            Map<MailchimpVerdict, Integer> skipped = new EnumMap<>(MailchimpVerdict.class);
            t.skipped.forEach((k, v) -> skipped.put(k, v.get()));
            Map<String, Integer> failed = new TreeMap<>();
            t.failed.forEach((k, v) -> failed.put(k, v.get()));
            counts.put(entity, new MailchimpReport.EntityCounts(t.created.get(), t.updated.get(), t.deleted.get(), skipped, failed, t.parked.get()));
        });
        return new MailchimpReport(syncRunId, syncMode, scope, since, startedAt, Instant.now(), enabled, storeProblem, counts,
                carts, automationStatus, parked, abortedBecause);
    }
}
