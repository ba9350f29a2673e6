package it.ponte.mailchimp;

import java.time.Instant;
import java.util.List;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * Which shop records a run owes Mailchimp, by sync mode: TOTAL all of them, CHANGED those changed since the
 * previous run started, the history backfill the orders placed since a date. They go into the outbox first and are
 * then written from it, together with whatever earlier runs left owed, so an outage in between loses nothing.
 */
@Component
public class MailchimpCandidates {

    private final MailchimpShopReader shop;
    private final MailchimpOutbox outbox;

    public MailchimpCandidates(MailchimpShopReader shop, MailchimpOutbox outbox) {
        this.shop = shop;
        this.outbox = outbox;
    }

    public List<MailchimpOutboxEntry> oweCustomers(@ExchangeProperty(MailchimpRun.PROPERTY) MailchimpRun run) {
        outbox.owe(MailchimpEntity.CUSTOMER, OutboxOperation.UPSERT, shop.customerIds(changedSince(run)));
        return outbox.owed(MailchimpEntity.CUSTOMER);
    }

    public List<MailchimpOutboxEntry> oweProducts(@ExchangeProperty(MailchimpRun.PROPERTY) MailchimpRun run) {
        outbox.owe(MailchimpEntity.PRODUCT, OutboxOperation.UPSERT, shop.productIds(changedSince(run)));
        return outbox.owed(MailchimpEntity.PRODUCT);
    }

    public List<MailchimpOutboxEntry> oweOrders(@ExchangeProperty(MailchimpRun.PROPERTY) MailchimpRun run) {
        List<Long> ids = run.scope() == MailchimpScope.ORDERS
                ? shop.orderIdsPlacedSince(run.since())
                : shop.orderIdsChangedSince(changedSince(run));
        outbox.owe(MailchimpEntity.ORDER, OutboxOperation.UPSERT, ids);
        return outbox.owed(MailchimpEntity.ORDER);
    }

    /** Open carts changed since the last run (all in TOTAL), and carts that became orders while Mailchimp holds them. */
    public List<MailchimpOutboxEntry> oweCarts(@ExchangeProperty(MailchimpRun.PROPERTY) MailchimpRun run) {
        outbox.owe(MailchimpEntity.CART, OutboxOperation.UPSERT, shop.openCartIds(changedSince(run)));
        outbox.owe(MailchimpEntity.CART, OutboxOperation.DELETE, shop.cartIdsToDelete(run.storeKey()));
        return outbox.owed(MailchimpEntity.CART);
    }

    /**
     * The cart phase may not send now (automation paused or not found, store or automation check failed): the carts
     * that changed are owed all the same, so the first run that may send them does, whatever changed by then.
     * The report counts what waits, and says nothing of a queue when nothing waits.
     */
    public void queueCarts(@ExchangeProperty(MailchimpRun.PROPERTY) MailchimpRun run) {
        outbox.owe(MailchimpEntity.CART, OutboxOperation.UPSERT, shop.openCartIds(changedSince(run)));
        outbox.owe(MailchimpEntity.CART, OutboxOperation.DELETE, shop.cartIdsToDelete(run.storeKey()));
        queued(outbox.owed(MailchimpEntity.CART), run);
    }

    /** Owed writes that stay owed this run (the store is not ready): counted for the report, left in the outbox. */
    public void queued(List<MailchimpOutboxEntry> owed, @ExchangeProperty(MailchimpRun.PROPERTY) MailchimpRun run) {
        owed.forEach(entry -> run.skipped(entry.entity(), MailchimpVerdict.QUEUED));
    }

    /** TOTAL and the manual syncs take everything; CHANGED and PARTIAL what changed since the previous run. */
    private static Instant changedSince(MailchimpRun run) {
        boolean incremental = run.scope() == MailchimpScope.ALL && !"TOTAL".equals(run.syncMode());
        return incremental ? run.since() : null;
    }
}
