package it.ponte.sync;

import it.ponte.amazon.AmazonOrderState;
import it.ponte.amazon.AmazonOrderTransitions;
import it.ponte.amazon.CancelReason;
import it.ponte.erp.ErpChangeLog;
import it.ponte.erp.ErpDocumentState;
import it.ponte.erp.ErpDocuments;
import it.ponte.erp.ErpEdition;
import it.ponte.erp.ErpProperties;
import it.ponte.erp.ErpStatus;
import it.ponte.shop.OrderOrigin;
import it.ponte.shop.OrderStatus;
import it.ponte.shop.Settings;
import it.ponte.shop.ShippingMethods;
import it.ponte.shop.ShopOrder;
import it.ponte.shop.ShopOrderRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * The state diff: what the accountant changed in the ERP becomes the shop's truth. Web and Amazon orders follow
 * their document (STORED → DELIVERED → INVOICED, or CANCELLED); an Amazon order cancelled with one of the
 * Amazon cancel reasons and every row at 'N' becomes PENDING_CANCELLATION; one whose shipping fields are filled
 * (Mexal: carrier, transport start, tracking; Ho.Re.Ca.: carrier named as a shop shipping method, transport
 * start) becomes PENDING_SHIPMENT.
 */
@Component("stateDiff")
public class StateDiff {

    static final String WATERMARK = "erp.change.watermark";
    private static final String NEXT_WATERMARK = "stateDiffNextWatermark";
    private static final int BATCH = 200;

    private final ErpChangeLog changeLog;
    private final ErpDocuments documents;
    private final ShopOrderRepository orders;
    private final AmazonOrderTransitions transitions;
    private final ShippingMethods shippingMethods;
    private final Settings settings;
    private final ErpProperties erp;

    public StateDiff(ErpChangeLog changeLog, ErpDocuments documents, ShopOrderRepository orders, AmazonOrderTransitions transitions,
                     ShippingMethods shippingMethods, Settings settings, ErpProperties erp) {
        this.changeLog = changeLog;
        this.documents = documents;
        this.orders = orders;
        this.transitions = transitions;
        this.shippingMethods = shippingMethods;
        this.settings = settings;
        this.erp = erp;
        erp.amazonCancelReasons().values().forEach(v -> {
            try {
                CancelReason.valueOf(v);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("ponte.erp.amazon-cancel-reasons: '" + v + "' is not an Amazon CancelReason");
            }
        });
    }

    /** The documents to compare, in batches: all of them in TOTAL, the changed ones in CHANGED. */
    public List<List<Long>> documentBatches(@ExchangeProperty(SyncContext.PROPERTY) SyncContext ctx) {
        List<Long> ids = new ArrayList<>();
        if (ctx.getMode() == SyncMode.TOTAL) {
            ctx.putReport(NEXT_WATERMARK, changeLog.lastSeq());
            long after = 0;
            for (List<Long> page = documents.allIds(after, 5000); !page.isEmpty(); page = documents.allIds(after, 5000)) {
                ids.addAll(page);
                after = page.get(page.size() - 1);
            }
        } else {
            long watermark = settings.get(WATERMARK).map(Long::parseLong).orElse(0L);
            ErpChangeLog.Batch batch;
            do {
                batch = changeLog.after(watermark, 10_000, erp.changeGapTimeout());
                ids.addAll(batch.documentIds());
                boolean moved = batch.safeWatermark() > watermark;
                watermark = batch.safeWatermark();
                if (!moved) {
                    break;
                }
            } while (batch.more());
            ctx.putReport(NEXT_WATERMARK, watermark);
        }
        List<Long> distinct = ids.stream().distinct().toList();
        ctx.progress(SyncPhase.STATE_DIFF, 0, distinct.size());
        List<List<Long>> batches = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i += BATCH) {
            batches.add(distinct.subList(i, Math.min(distinct.size(), i + BATCH)));
        }
        return batches;
    }

    public void compare(@Body List<Long> documentIds, @ExchangeProperty(SyncContext.PROPERTY) SyncContext ctx) {
        List<ErpDocumentState> states = documents.states(documentIds);
        Map<String, ShopOrder> byRef = orders.findByErpRefs(states.stream().map(ErpDocumentState::idempotencyRef).toList())
                .stream().collect(Collectors.toMap(ShopOrder::erpRef, Function.identity()));
        Set<String> carriers = erp.edition() == ErpEdition.HORECA ? shippingMethods.carrierNames() : Set.of();
        for (ErpDocumentState doc : states) {
            ShopOrder order = byRef.get(doc.idempotencyRef());
            if (order != null) {
                apply(doc, order, carriers, ctx);
            }
        }
        SyncRun.Progress p = ctx.progressSnapshot().get(SyncPhase.STATE_DIFF.name());
        ctx.progress(SyncPhase.STATE_DIFF, (p == null ? 0 : p.done()) + documentIds.size(), p == null ? documentIds.size() : p.total());
    }

    /** The watermark moves only after every batch was compared. */
    public void commit(@ExchangeProperty(SyncContext.PROPERTY) SyncContext ctx) {
        Object next = ctx.report(NEXT_WATERMARK);
        if (next != null) {
            settings.put(WATERMARK, next.toString());
        }
    }

    void apply(ErpDocumentState doc, ShopOrder order, Set<String> carriers, SyncContext ctx) {
        OrderStatus target = doc.cancelled() ? OrderStatus.CANCELLED
                : doc.status() == ErpStatus.INVOICED ? OrderStatus.INVOICED
                : doc.status() == ErpStatus.DELIVERED ? OrderStatus.DELIVERED : OrderStatus.STORED;
        if (target != order.status() && order.status().canFollowErpTo(target) && orders.followErp(order.id(), order.status(), target)) {
            ctx.count("diff.status." + target.name().toLowerCase(Locale.ROOT), 1);
        }
        if (order.origin() != OrderOrigin.AMAZON || !AmazonOrderState.STORED.name().equals(order.amazonState())) {
            return;
        }
        AmazonOrderTransitions.AmazonOrderRef ref = new AmazonOrderTransitions.AmazonOrderRef(order.id(), order.amazonAccountId(),
                order.amazonOrderId(), AmazonOrderState.STORED);
        if (doc.cancelled()) {
            String reason = doc.cancelReasonCode() == null ? null : erp.amazonCancelReasons().entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(doc.cancelReasonCode())).map(Map.Entry::getValue).findFirst().orElse(null);
            if (reason == null) {
                ctx.error("Ordine Amazon " + order.amazonOrderId() + " (documento " + doc.documentNumber() + ") annullato con causale '"
                        + doc.cancelReasonCode() + "', che non è tra le causali di annullamento Amazon (ponte.erp.amazon-cancel-reasons): resta Memorizzato.");
                return;
            }
            transitions.requestCancellation(ref, CancelReason.valueOf(reason));
            ctx.count("diff.amazon.pending_cancellation", 1);
            return;
        }
        boolean shippingComplete = doc.carrier() != null && !doc.carrier().isBlank() && doc.transportStart() != null
                && (erp.edition() == ErpEdition.HORECA || (doc.trackingNumber() != null && !doc.trackingNumber().isBlank()));
        if (!shippingComplete) {
            return;
        }
        if (erp.edition() == ErpEdition.HORECA && !carriers.contains(doc.carrier())) {
            ctx.error("Ordine Amazon " + order.amazonOrderId() + " (documento " + doc.documentNumber() + "): il vettore '" + doc.carrier()
                    + "' non corrisponde esattamente al Nome del Vettore di nessun metodo di trasporto del sito: resta Memorizzato.");
            return;
        }
        // Ho.Re.Ca. documents carry no tracking number; the ERP document number stands in for it towards Amazon.
        String tracking = erp.edition() == ErpEdition.HORECA ? doc.documentNumber() : doc.trackingNumber();
        transitions.requestShipment(ref, doc.carrier(), doc.transportStart(), tracking);
        ctx.count("diff.amazon.pending_shipment", 1);
    }
}
