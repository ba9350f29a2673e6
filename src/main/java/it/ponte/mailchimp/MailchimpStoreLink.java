package it.ponte.mailchimp;

import it.ponte.mailchimp.MailchimpResources.Store;
import java.util.Map;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes sure the e-commerce store exists, linked to the configured list and named as configured, before a run
 * writes into it. When it cannot, the run still records what it owes and writes nothing: the next run will.
 * <p>
 * The store is identified at every run (its id, list and Mailchimp's {@code created_at}, see {@link MailchimpStoreSync}):
 * Ponte's ledger believes only what it wrote into this very store, so a store deleted, created again, or another
 * {@code store-id}/{@code list-id} gets everything again. A TOTAL also compares how many customers, products, orders and
 * carts the store holds with how many Ponte believes it sent: a store that holds fewer was emptied (or lost records),
 * and Ponte forgets what it believed of that entity, so this TOTAL sends them all again.
 * <p>
 * A history load (the orders backfill, or a TOTAL before the store's first one ended, a refill among them) sets the
 * store's {@code is_syncing}, so Mailchimp fires no order notifications for old orders and holds its automations; it
 * is cleared when the load ends, and by the next run when a crash left it set (the desired value is compared with
 * Mailchimp's at every run).
 */
@Component
public class MailchimpStoreLink {

    private static final Logger log = LoggerFactory.getLogger(MailchimpStoreLink.class);

    private final MailchimpClient client;
    private final MailchimpProperties properties;
    private final MailchimpStoreSync storeSync;
    private final MailchimpLedger ledger;

    public MailchimpStoreLink(MailchimpClient client, MailchimpProperties properties, MailchimpStoreSync storeSync, MailchimpLedger ledger) {
        this.client = client;
        this.properties = properties;
        this.storeSync = storeSync;
        this.ledger = ledger;
    }

    /**
     * The {@code mailchimpStoreReady} header: false when the store cannot be written into (refused, linked to another
     * list). When Mailchimp cannot be reached at all the run is marked so and the answer is true: every owed record then
     * fails fast through the record-failure configuration, stays owed, and the run says "Mailchimp non raggiungibile".
     */
    public boolean ensure(@ExchangeProperty(MailchimpRun.PROPERTY) MailchimpRun run) {
        return ensure(run, true);
    }

    /** As {@link #ensure(MailchimpRun)}, leaving {@code is_syncing} as it is: a single parked record retried by hand. */
    public boolean ensureAsIs(@ExchangeProperty(MailchimpRun.PROPERTY) MailchimpRun run) {
        return ensure(run, false);
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

    private boolean ensure(MailchimpRun run, boolean setSyncing) {
        String storeId = properties.storeId();
        String listId = properties.listId();
        // what the run works with should Mailchimp not answer: the store as Ponte last identified it
        run.storeKey(storeSync.rememberedKey(storeId).orElse(null));
        String domain = properties.shopBaseUrl().replaceFirst("^https?://", "").replaceFirst("/.*$", "");
        try {
            // a store created now is new to Ponte: a TOTAL into it is a history load from its first write
            Boolean syncingIfCreated = setSyncing ? run.isHistoryLoad(false) : null;
            MailchimpClient.StoreState store = client.ensureStore(
                    new Store(storeId, listId, properties.storeName(), properties.currency(), "Ponte", domain, syncingIfCreated));
            if (storeSync.identify(storeId, listId, store.createdAt(), store.createdNow())) {
                log.info("Mailchimp store {} (created at {}) is not the one Ponte wrote into: nothing of before counts as sent there",
                        storeId, store.createdAt());
            }
            String key = MailchimpStoreSync.storeKey(storeId, listId, store.createdAt());
            run.storeKey(key);
            if (setSyncing) {
                if (run.scope() == MailchimpScope.ALL && "TOTAL".equals(run.syncMode())) {
                    refillIfEmptied(key);
                }
                boolean syncing = run.isHistoryLoad(storeSync.firstTotalDone(storeId));
                if (syncing != store.syncing()) {
                    client.storeSyncing(storeId, syncing);
                }
                storeSync.syncing(storeId, listId, syncing);
                run.storeSyncing(syncing);
            }
            return true;
        } catch (MailchimpException e) {
            if (e.isUnreachable()) {
                log.warn("Mailchimp unreachable, the run leaves what it owes for the next one: {}", e.reason());
                run.unreachable();
                run.storeProblem(MailchimpVerdict.STORE_UNAVAILABLE.name() + ": " + MailchimpException.UNREACHABLE);
                return true;
            }
            log.warn("Mailchimp store {} not ready: {}", storeId, e.getMessage());
            run.storeProblem(MailchimpVerdict.STORE_UNAVAILABLE.name() + ": " + e.reason());
            return false;
        }
    }

    /**
     * A store that holds fewer records of an entity than Ponte believes it sent there was emptied (or lost some):
     * Ponte forgets what it believed of that entity, this TOTAL sends them all, as a history load.
     */
    private void refillIfEmptied(String key) {
        boolean refill = false;
        for (Map.Entry<MailchimpEntity, Integer> believed : ledger.counts(key).entrySet()) {
            int held = client.count(believed.getKey());
            if (held < believed.getValue()) {
                ledger.forget(key, believed.getKey());
                log.warn("Mailchimp store {} holds {} {} records of the {} Ponte sent: this TOTAL sends them all again",
                        properties.storeId(), held, believed.getKey(), believed.getValue());
                refill = true;
            }
        }
        if (refill) {
            storeSync.refill(properties.storeId());
        }
    }
}
