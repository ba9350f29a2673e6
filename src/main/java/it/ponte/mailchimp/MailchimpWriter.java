package it.ponte.mailchimp;

import it.ponte.mailchimp.MailchimpClient.WriteOutcome;
import it.ponte.mailchimp.MailchimpResources.Cart;
import it.ponte.mailchimp.MailchimpResources.Customer;
import it.ponte.mailchimp.MailchimpResources.Line;
import it.ponte.mailchimp.MailchimpResources.Order;
import it.ponte.mailchimp.MailchimpResources.Product;
import it.ponte.mailchimp.ShopRecords.ShopCart;
import it.ponte.mailchimp.ShopRecords.ShopCustomer;
import it.ponte.mailchimp.ShopRecords.ShopOrder;
import it.ponte.mailchimp.ShopRecords.ShopProduct;
import it.ponte.remote.FailureClass;
import it.ponte.remote.RecordFailure;
import it.ponte.remote.RecordFailureSink;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Carries out one owed write and settles it in the outbox and the ledger. Orders are POSTed once and PATCHed after
 * (the ledger says which); a new order goes in {@code pending} and is then moved to its state, so Mailchimp sends
 * both its confirmation and the state's notification. A write refused because a product is missing in Mailchimp
 * pushes the products of its lines and is tried once more; an order or cart naming a product whose write failed in this
 * run waits for it, still owed, no attempt spent. A write that fails comes back through
 * {@link #recordFailed} (the {@code record-failure} route configuration), which settles it in the outbox.
 */
@Component
public class MailchimpWriter implements RecordFailureSink {

    private static final Logger log = LoggerFactory.getLogger(MailchimpWriter.class);

    private final MailchimpClient client;
    private final MailchimpShopReader shop;
    private final MailchimpMapper mapper;
    private final MailchimpJson json;
    private final MailchimpLedger ledger;
    private final MailchimpOutbox outbox;
    private final MailchimpProperties properties;

    public MailchimpWriter(MailchimpClient client, MailchimpShopReader shop, MailchimpMapper mapper, MailchimpJson json,
                           MailchimpLedger ledger, MailchimpOutbox outbox, MailchimpProperties properties) {
        this.client = client;
        this.shop = shop;
        this.mapper = mapper;
        this.json = json;
        this.ledger = ledger;
        this.outbox = outbox;
        this.properties = properties;
    }

    public void write(MailchimpOutboxEntry entry, @ExchangeProperty(MailchimpRun.PROPERTY) MailchimpRun run) {
        switch (entry.entity()) {
            case CUSTOMER -> customer(entry, run);
            case PRODUCT -> product(entry, run);
            case ORDER -> order(entry, run);
            case CART -> {
                if (entry.operation() == OutboxOperation.DELETE) {
                    deleteCart(entry, run);
                } else {
                    cart(entry, run);
                }
            }
        }
    }

    /** The membership router's otherwise branch: the write is not owed any more, and the report says why. */
    public void skip(MailchimpOutboxEntry entry, @Header("mailchimpVerdict") String verdict,
                     @ExchangeProperty(MailchimpRun.PROPERTY) MailchimpRun run) {
        MailchimpVerdict reason = MailchimpVerdict.valueOf(verdict);
        outbox.done(entry.id(), null, reason.name());
        run.skipped(entry.entity(), reason);
    }

    /** The record the {@code record-failure} configuration hands back to {@link #recordFailed} ({@code ponteRecord}). */
    public record OwedWrite(MailchimpOutboxEntry entry, MailchimpRun run) {
    }

    public OwedWrite owed(MailchimpOutboxEntry entry, @ExchangeProperty(MailchimpRun.PROPERTY) MailchimpRun run) {
        return new OwedWrite(entry, run);
    }

    /** Fails fast once the run found Mailchimp unreachable: the record stays owed, and no call goes out. */
    public void reachable(MailchimpOutboxEntry entry, @ExchangeProperty(MailchimpRun.PROPERTY) MailchimpRun run) {
        if (run.isUnreachable()) {
            throw MailchimpException.unreachable("write " + entry.entity() + " " + entry.entityId(), null);
        }
    }

    /**
     * The sink of one failed write: it stays owed. Refusals (and surprises) count towards parking; outages do not,
     * and make the run stop calling Mailchimp. The answer is the run's line for it.
     */
    @Override
    public String recordFailed(RecordFailure failure) {
        OwedWrite owed = (OwedWrite) failure.record();
        MailchimpOutboxEntry entry = owed.entry();
        if (entry.entity() == MailchimpEntity.PRODUCT && owed.run() != null) {
            // the orders and carts naming it wait for it instead of being refused for its absence
            owed.run().productFailed(entry.entityId());
        }
        String record = "Mailchimp " + entry.entity().name().toLowerCase(Locale.ROOT) + " " + entry.entityId();
        switch (failure.failureClass()) {
            case TRANSIENT, REMOTE_DOWN -> {
                String reason = failure.failureClass() == FailureClass.REMOTE_DOWN ? MailchimpException.UNREACHABLE : failure.reason();
                outbox.failedTransiently(entry.id(), reason);
                if (owed.run() != null) {
                    owed.run().failed(entry.entity(), reason, false);
                    owed.run().unreachable();
                }
                log.info("{} stays owed: {}", record, reason);
                return failure.failureClass() == FailureClass.REMOTE_DOWN ? reason : record + ": " + reason;
            }
            default -> {
                String reason = failure.failureClass() == FailureClass.UNEXPECTED
                        ? failure.reason() + " (" + failure.step() + ")" : failure.reason();
                OutboxStatus status = outbox.failed(entry.id(), reason, properties.maxAttempts());
                if (owed.run() != null) {
                    owed.run().failed(entry.entity(), reason, status == OutboxStatus.PARKED);
                }
                log.warn("{} refused ({}): {}", record, status, reason);
                return record + (status == OutboxStatus.PARKED ? " parcheggiato: " : " rifiutato: ") + reason;
            }
        }
    }

    // --- per entity ---------------------------------------------------------------------------------------------------

    private void customer(MailchimpOutboxEntry entry, MailchimpRun run) {
        ShopCustomer c = shop.customer(entry.entityId()).orElseThrow();
        Customer payload = mapper.customer(c);
        String hash = json.hash(payload);
        Optional<MailchimpLedger.Entry> known = ledger.find(run.storeKey(), MailchimpEntity.CUSTOMER, c.id());
        if (unchanged(entry, known, hash, run)) {
            return;
        }
        client.putCustomer(payload);
        settle(entry, payload.id(), null, hash, known.isPresent() ? WriteOutcome.UPDATED : WriteOutcome.CREATED, run);
    }

    private void product(MailchimpOutboxEntry entry, MailchimpRun run) {
        ShopProduct p = shop.product(entry.entityId()).orElseThrow();
        Product payload = mapper.product(p);
        String hash = json.hash(payload);
        Optional<MailchimpLedger.Entry> known = ledger.find(run.storeKey(), MailchimpEntity.PRODUCT, p.id());
        if (unchanged(entry, known, hash, run)) {
            return;
        }
        client.putProduct(payload);
        settle(entry, payload.id(), null, hash, known.isPresent() ? WriteOutcome.UPDATED : WriteOutcome.CREATED, run);
    }

    private void order(MailchimpOutboxEntry entry, MailchimpRun run) {
        ShopOrder o = shop.order(entry.entityId()).orElseThrow();
        ShopCustomer c = shop.customer(o.customerId()).orElseThrow();
        Order payload = mapper.order(o, c);
        String hash = json.hash(payload);
        Optional<MailchimpLedger.Entry> known = ledger.find(run.storeKey(), MailchimpEntity.ORDER, o.id());
        if (unchanged(entry, known, hash, run)) {
            return;
        }
        if (waitsForProduct(entry, payload.lines(), run)) {
            return;
        }
        Optional<WriteOutcome> outcome = withProducts(entry, payload.lines(), run,
                () -> known.isPresent() ? client.updateOrder(payload) : create(o, payload, run));
        if (outcome.isPresent()) {
            settle(entry, payload.id(), o.status(), hash, outcome.get(), run);
        }
    }

    /**
     * A new order is created pending and then moved on (Mailchimp notifies on changes); a cancelled one is created
     * cancelled, as there is nothing to confirm. The creation is recorded at once, so a failed move is PATCHed next time.
     */
    private WriteOutcome create(ShopOrder o, Order payload, MailchimpRun run) {
        boolean direct = "pending".equals(payload.financialStatus()) && payload.fulfillmentStatus() == null
                || "cancelled".equals(payload.financialStatus());
        if (direct) {
            return client.createOrder(payload);
        }
        WriteOutcome outcome = client.createOrder(payload.withStatus("pending", null, null));
        ledger.record(run.storeKey(), MailchimpEntity.ORDER, o.id(), payload.id(), "STORED", "", false);
        client.updateOrder(payload);
        return outcome;
    }

    private void cart(MailchimpOutboxEntry entry, MailchimpRun run) {
        ShopCart cart = shop.cart(entry.entityId()).orElseThrow();
        ShopCustomer c = shop.customer(cart.customerId()).orElseThrow();
        Cart payload = mapper.cart(cart, c);
        String hash = json.hash(payload);
        Optional<MailchimpLedger.Entry> known = ledger.find(run.storeKey(), MailchimpEntity.CART, cart.id()).filter(k -> !k.deleted());
        if (unchanged(entry, known, hash, run)) {
            return;
        }
        if (waitsForProduct(entry, payload.lines(), run)) {
            return;
        }
        Optional<WriteOutcome> outcome = withProducts(entry, payload.lines(), run,
                () -> known.isPresent() ? client.updateCart(payload) : client.createCart(payload));
        if (outcome.isPresent()) {
            settle(entry, payload.id(), cart.status(), hash, outcome.get(), run);
        }
    }

    private void deleteCart(MailchimpOutboxEntry entry, MailchimpRun run) {
        Optional<MailchimpLedger.Entry> known = ledger.find(run.storeKey(), MailchimpEntity.CART, entry.entityId()).filter(k -> !k.deleted());
        if (known.isEmpty()) {
            skip(entry, MailchimpVerdict.NOT_IN_MAILCHIMP.name(), run);
            return;
        }
        WriteOutcome outcome = client.deleteCart(known.get().remoteId());
        ledger.record(run.storeKey(), MailchimpEntity.CART, entry.entityId(), known.get().remoteId(), "CONVERTED", known.get().payloadHash(), true);
        outbox.done(entry.id(), null, outcome.name());
        run.deleted(MailchimpEntity.CART);
    }

    // --- shared ---------------------------------------------------------------------------------------------------------

    /**
     * Unchanged since Ponte last wrote it into this store: nothing to send. A manual sync (customers, products, the order
     * history) sends what it was asked to send all the same: a person asks for it when Mailchimp lacks something.
     */
    private boolean unchanged(MailchimpOutboxEntry entry, Optional<MailchimpLedger.Entry> known, String hash, MailchimpRun run) {
        if (run.scope() == MailchimpScope.ALL && known.isPresent() && hash.equals(known.get().payloadHash())) {
            skip(entry, MailchimpVerdict.UNCHANGED.name(), run);
            return true;
        }
        return false;
    }

    private void settle(MailchimpOutboxEntry entry, String remoteId, String state, String hash, WriteOutcome outcome, MailchimpRun run) {
        ledger.record(run.storeKey(), entry.entity(), entry.entityId(), remoteId, state, hash, false);
        outbox.done(entry.id(), hash, outcome.name());
        if (outcome == WriteOutcome.CREATED) {
            run.created(entry.entity());
        } else {
            run.updated(entry.entity());
        }
    }

    /**
     * An order or cart naming a product whose write failed in this run waits for it: not sent, no attempt spent, still
     * owed (PENDING as it was), with a note saying what it waits for; the next run sends the product, then it.
     */
    private boolean waitsForProduct(MailchimpOutboxEntry entry, List<Line> lines, MailchimpRun run) {
        Optional<String> failed = lines.stream().map(Line::productId).filter(run::isProductFailed).findFirst();
        if (failed.isEmpty()) {
            return false;
        }
        outbox.note(entry.id(), "in attesa dell'articolo " + failed.get() + ", non inviato a Mailchimp in questa sincronizzazione");
        run.skipped(entry.entity(), MailchimpVerdict.WAITING_FOR_PRODUCT);
        log.info("Mailchimp {} {} waits for product {}, whose write failed in this run", entry.entity(), entry.entityId(), failed.get());
        return true;
    }

    /**
     * Mailchimp refuses a line naming a product it lacks: push those products, then try once more. A product Mailchimp
     * refuses here is owed again with its refusal counted, and the order or cart waits for it (empty answer).
     */
    private Optional<WriteOutcome> withProducts(MailchimpOutboxEntry entry, List<Line> lines, MailchimpRun run, Supplier<WriteOutcome> write) {
        try {
            return Optional.of(write.get());
        } catch (MailchimpException e) {
            if (!e.isMissingProduct()) {
                throw e;
            }
            Set<Long> productIds = new LinkedHashSet<>();
            lines.forEach(l -> productIds.add(Long.parseLong(l.productId())));
            for (long id : productIds) {
                Optional<ShopProduct> product = shop.product(id);
                if (product.isEmpty() || run.isProductFailed(String.valueOf(id))) {
                    continue;
                }
                Product payload = mapper.product(product.get());
                try {
                    client.putProduct(payload);
                    ledger.record(run.storeKey(), MailchimpEntity.PRODUCT, id, payload.id(), null, json.hash(payload), false);
                } catch (MailchimpException refused) {
                    if (refused.isUnreachable()) {
                        throw refused;
                    }
                    productRefused(id, refused.reason(), run);
                }
            }
            if (waitsForProduct(entry, lines, run)) {
                return Optional.empty();
            }
            log.info("Mailchimp lacked products {}: pushed them, trying once more", productIds);
            return Optional.of(write.get());
        }
    }

    /** A product pushed for an order or cart was refused: owed again, the refusal counted on its own outbox row. */
    private void productRefused(long productId, String reason, MailchimpRun run) {
        if (!run.productFailed(productId)) {
            // another order of this run, written in parallel, saw the same refusal: counted once
            return;
        }
        // Mailchimp said it lacks the product: whatever Ponte believed, the products phase must send it again
        ledger.forget(run.storeKey(), MailchimpEntity.PRODUCT, productId);
        outbox.owe(MailchimpEntity.PRODUCT, OutboxOperation.UPSERT, List.of(productId));
        outbox.find(MailchimpEntity.PRODUCT, productId).ifPresent(row -> {
            OutboxStatus status = outbox.failed(row.id(), reason, properties.maxAttempts());
            run.failed(MailchimpEntity.PRODUCT, reason, status == OutboxStatus.PARKED);
        });
        log.warn("Mailchimp product {} refused: {}", productId, reason);
    }
}
