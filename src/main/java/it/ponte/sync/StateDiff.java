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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * start) becomes PENDING_SHIPMENT. The {@code state-diff} routes read the ERP on camel-jdbc and call these steps;
 * each document is applied on its own, so one that cannot be applied is noted with the reason ({@link StateDiffFailures})
 * and read again by the next run, while the others go on.
 */
@Component("stateDiff")
public class StateDiff {

    static final String WATERMARK = "erp.change.watermark";
    static final String RETRY_SETTING = "erp.change.retry";
    private static final String NEXT_WATERMARK = "stateDiffNextWatermark";
    private static final String RETRY = "stateDiffRetry";
    private static final int BATCH = 200;

    private final ErpChangeLog changeLog;
    private final ShopOrderRepository orders;
    private final AmazonOrderTransitions transitions;
    private final ShippingMethods shippingMethods;
    private final Settings settings;
    private final ErpProperties erp;

    public StateDiff(ErpChangeLog changeLog, ShopOrderRepository orders, AmazonOrderTransitions transitions,
                     ShippingMethods shippingMethods, Settings settings, ErpProperties erp) {
        this.changeLog = changeLog;
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

    /** CHANGED: the change log after the watermark, and the documents whose change could not be applied last time. */
    public ErpChangeLog.Scan changedScan(@ExchangeProperty(SyncContext.PROPERTY) SyncContext ctx) {
        long watermark = settings.get(WATERMARK).map(Long::parseLong).orElse(0L);
        return changeLog.changesAfter(watermark, retried());
    }

    /** The documents to compare, in batches, once the scan read them all. */
    public List<List<Long>> batches(@ExchangeProperty(ErpChangeLog.SCAN) ErpChangeLog.Scan scan,
                                    @ExchangeProperty(SyncContext.PROPERTY) SyncContext ctx) {
        ctx.putReport(NEXT_WATERMARK, scan.getNextWatermark());
        ctx.putReport(RETRY, ConcurrentHashMap.newKeySet());
        List<Long> distinct = scan.getDocumentIds();
        ctx.progress(SyncPhase.STATE_DIFF, 0, distinct.size());
        List<List<Long>> batches = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i += BATCH) {
            batches.add(distinct.subList(i, Math.min(distinct.size(), i + BATCH)));
        }
        return batches;
    }

    /** Each document of a batch (a row of the ERP's answer) with its shop order; documents Ponte did not insert have none. */
    @SuppressWarnings("unchecked")
    public List<DocumentChange> changes(@Body List<Map<String, Object>> rows, @ExchangeProperty(SyncContext.PROPERTY) SyncContext ctx) {
        Set<Long> retry = (Set<Long>) ctx.report(RETRY);
        Map<String, ShopOrder> byRef = orders.findByErpRefs(rows.stream().map(r -> (String) r.get("idempotency_ref")).toList())
                .stream().collect(Collectors.toMap(ShopOrder::erpRef, Function.identity()));
        Set<String> carriers = erp.edition() == ErpEdition.HORECA ? shippingMethods.carrierNames() : Set.of();
        return rows.stream().filter(row -> byRef.containsKey((String) row.get("idempotency_ref")))
                .map(row -> new DocumentChange(row, byRef.get((String) row.get("idempotency_ref")), carriers, retry)).toList();
    }

    /** A step of the per-document route: what the accountant did becomes the shop's truth. */
    public void apply(@Body DocumentChange change, @ExchangeProperty(SyncContext.PROPERTY) SyncContext ctx) {
        apply(ErpDocuments.state(change.document()), change.order(), change.carriers(), ctx);
    }

    public void batchCompared(@ExchangeProperty("stateDiffBatchSize") Integer size, @ExchangeProperty(SyncContext.PROPERTY) SyncContext ctx) {
        SyncRun.Progress p = ctx.progressSnapshot().get(SyncPhase.STATE_DIFF.name());
        ctx.progress(SyncPhase.STATE_DIFF, (p == null ? 0 : p.done()) + size, p == null ? size : p.total());
    }

    /** The watermark moves only after every batch was compared; the documents that failed wait for the next run. */
    @SuppressWarnings("unchecked")
    public void commit(@ExchangeProperty(SyncContext.PROPERTY) SyncContext ctx) {
        Object next = ctx.report(NEXT_WATERMARK);
        if (next != null) {
            settings.put(WATERMARK, next.toString());
        }
        Set<Long> retry = (Set<Long>) ctx.report(RETRY);
        if (retry != null) {
            settings.put(RETRY_SETTING, retry.stream().sorted().map(String::valueOf).collect(Collectors.joining(",")));
        }
    }

    private List<Long> retried() {
        return settings.get(RETRY_SETTING).stream().flatMap(v -> Arrays.stream(v.split(","))).filter(v -> !v.isBlank())
                .map(Long::parseLong).toList();
    }

    /**
     * One ERP document as the ERP answered it, with the shop order it belongs to: the record of the per-document route.
     * {@code rereadNextRun} is the run's list of documents to read again next time, where a failed one is put.
     */
    public record DocumentChange(Map<String, Object> document, ShopOrder order, Set<String> carriers, Set<Long> rereadNextRun) {

        public long documentId() {
            return ((Number) document.get("id")).longValue();
        }

        public String documentNumber() {
            return document.get("series") + "/" + document.get("number");
        }
    }

    void apply(ErpDocumentState doc, ShopOrder order, Set<String> carriers, SyncContext ctx) {
        OrderStatus target = doc.cancelled() ? OrderStatus.CANCELLED
                : doc.status() == ErpStatus.INVOICED ? OrderStatus.INVOICED
                : doc.status() == ErpStatus.DELIVERED ? OrderStatus.DELIVERED : OrderStatus.STORED;
        if (target != order.status() && order.status().canFollowErpTo(target) && orders.followErp(order.id(), order.status(), target,
                target == OrderStatus.CANCELLED ? doc.updatedAt() : null)) {
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
