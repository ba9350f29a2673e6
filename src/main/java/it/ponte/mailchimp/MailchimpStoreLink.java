package it.ponte.mailchimp;

import it.ponte.mailchimp.MailchimpResources.Store;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes sure the e-commerce store exists, linked to the configured list and named as configured, before a run
 * writes into it. When it cannot, the run still records what it owes and writes nothing: the next run will.
 * A history load (the orders backfill, or a TOTAL before the store's first one ended) sets the store's
 * {@code is_syncing}, so Mailchimp fires no order notifications for old orders and holds its automations; it is
 * cleared when the load ends, and by the next run when a crash left it set (the desired value is compared with
 * Mailchimp's at every run).
 */
@Component
public class MailchimpStoreLink {

    private static final Logger log = LoggerFactory.getLogger(MailchimpStoreLink.class);

    private final MailchimpClient client;
    private final MailchimpProperties properties;
    private final MailchimpStoreSync storeSync;

    public MailchimpStoreLink(MailchimpClient client, MailchimpProperties properties, MailchimpStoreSync storeSync) {
        this.client = client;
        this.properties = properties;
        this.storeSync = storeSync;
    }

    /**
     * The {@code mailchimpStoreReady} header: false when the store cannot be written into (refused, linked to another
     * list). When Mailchimp cannot be reached at all the run is marked so and the answer is true: every owed record then
     * fails fast through the record-failure configuration, stays owed, and the run says "Mailchimp non raggiungibile".
     */
    public boolean ensure(@ExchangeProperty(MailchimpRun.PROPERTY) MailchimpRun run) {
        boolean syncing = run.isHistoryLoad(storeSync.firstTotalDone(properties.storeId()));
        boolean ready = ensure(run, syncing);
        if (ready && !run.isUnreachable()) {
            storeSync.syncing(properties.storeId(), properties.listId(), syncing);
            run.storeSyncing(syncing);
        }
        return ready;
    }

    /** As {@link #ensure(MailchimpRun)}, leaving {@code is_syncing} as it is: a single parked record retried by hand. */
    public boolean ensureAsIs(@ExchangeProperty(MailchimpRun.PROPERTY) MailchimpRun run) {
        return ensure(run, null);
    }

    /**
     * The history load is over: {@code is_syncing} cleared, so Mailchimp's automations (abandoned carts among them) work
     * for what comes next. A TOTAL that reached Mailchimp to the end is the store's first one. Never fails the run: a
     * flag it could not clear is cleared by the next run.
     */
    public void synced(@ExchangeProperty(MailchimpRun.PROPERTY) MailchimpRun run) {
        if (run == null || run.isUnreachable()) {
            return;
        }
        try {
            if (run.isStoreSyncing()) {
                client.storeSyncing(properties.storeId(), false);
                storeSync.syncing(properties.storeId(), properties.listId(), false);
                run.storeSyncing(false);
            }
            if (run.scope() == MailchimpScope.ALL && "TOTAL".equals(run.syncMode()) && run.isStoreReady() && !run.isAborted()) {
                storeSync.firstTotalDone(properties.storeId(), properties.listId());
            }
        } catch (RuntimeException e) {
            log.warn("Mailchimp store {}: is_syncing not cleared now, the next run clears it: {}", properties.storeId(), e.getMessage());
        }
    }

    private boolean ensure(MailchimpRun run, Boolean syncing) {
        String domain = properties.shopBaseUrl().replaceFirst("^https?://", "").replaceFirst("/.*$", "");
        try {
            client.ensureStore(new Store(properties.storeId(), properties.listId(), properties.storeName(), properties.currency(), "Ponte", domain, syncing));
            return true;
        } catch (MailchimpException e) {
            if (e.isUnreachable()) {
                log.warn("Mailchimp unreachable, the run leaves what it owes for the next one: {}", e.reason());
                run.unreachable();
                run.storeProblem(MailchimpVerdict.STORE_UNAVAILABLE.name() + ": " + MailchimpException.UNREACHABLE);
                return true;
            }
            log.warn("Mailchimp store {} not ready: {}", properties.storeId(), e.getMessage());
            run.storeProblem(MailchimpVerdict.STORE_UNAVAILABLE.name() + ": " + e.reason());
            return false;
        }
    }
}
