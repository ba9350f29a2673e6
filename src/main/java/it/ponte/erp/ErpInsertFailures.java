package it.ponte.erp;

import it.ponte.remote.FailureClass;
import it.ponte.remote.FailurePolicy;
import it.ponte.remote.RecordFailure;
import it.ponte.remote.RecordFailureSink;
import it.ponte.shop.ShopOrder;
import it.ponte.shop.ShopOrderRepository;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Where a shop order whose ERP insert failed is kept: the order stays REGISTERED with the reason and the step in
 * {@code erp_error} (the console shows it), and the next run tries it again. A failure of the order's own (the ERP
 * refused it, a bug, unreadable data) counts one attempt, and at {@code ponte.erp.max-insert-attempts} the order is
 * parked ({@link ErpParkedOrders}: {@code GET /api/erp/parked}, retried on demand); the ERP unreachable (TRANSIENT,
 * REMOTE_DOWN) never counts. The sink of the {@code erp-insert-order} route under the {@code record-failure} route
 * configuration.
 */
@Component("erpInsertFailures")
public class ErpInsertFailures implements RecordFailureSink {

    /** The step the ERP insert was in, for the merchant: set by the routes as they go. */
    public static final String STEP = "ponteStep";

    private final ShopOrderRepository orders;
    private final FailurePolicy policy;
    private final ErpParkedOrders parked;

    public ErpInsertFailures(ShopOrderRepository orders, FailurePolicy policy, ErpParkedOrders parked) {
        this.orders = orders;
        this.policy = policy;
        this.parked = parked;
    }

    @Override
    public String recordFailed(RecordFailure failure) {
        String error = error(failure.reason(), failure.step());
        long shopOrderId = failure.record() instanceof ShopOrder order ? order.id() : ((Number) failure.record()).longValue();
        if (failure.failureClass() == FailureClass.TRANSIENT || failure.failureClass() == FailureClass.REMOTE_DOWN) {
            // the ERP could not be reached: not the order's fault, no attempt counted
            orders.markErpError(shopOrderId, error);
            return line(failure.record(), error) + " (gestionale non raggiungibile: riprovato alla prossima sincronizzazione)";
        }
        ErpParkedOrders.ParkedOrder entry = parked.attemptFailed(shopOrderId, error);
        return line(failure.record(), error) + ("PARKED".equals(entry.state())
                ? " (parcheggiato dopo " + entry.attempts() + " tentativi: riprova da /api/erp/parked)"
                : " (tentativo " + entry.attempts() + " di " + parked.maxAttempts() + ")");
    }

    /**
     * The outcome of one order's insert sent to the route by hand: the route's answer, or FAILED with the reason the sink
     * kept (in a run, a failed order's route ends with the sink: the run notes it, the bookkeeping sees the others).
     */
    public ErpInsertOutcome outcome(Exchange exchange) {
        if (exchange.getMessage().getBody() instanceof ErpInsertOutcome outcome) {
            return outcome;
        }
        Object record = exchange.getProperty(RECORD_PROPERTY);
        Throwable failure = FailurePolicy.failureOf(exchange);
        String error = error(failure == null ? "nessun esito" : policy.reason(failure), exchange.getProperty(STEP, String.class));
        if (record instanceof ShopOrder order) {
            return new ErpInsertOutcome(order.id(), order.amazonOrderId(), ErpInsertOutcome.Kind.FAILED, null, error);
        }
        return new ErpInsertOutcome(record == null ? 0 : ((Number) record).longValue(), null, ErpInsertOutcome.Kind.FAILED, null, error);
    }

    private static String error(String reason, String step) {
        return step == null ? reason : reason + " (" + step + ")";
    }

    /** The line of the run's errors (and report) for the order. */
    private static String line(Object record, String error) {
        String order = record instanceof ShopOrder o && o.amazonOrderId() != null ? o.amazonOrderId()
                : "#" + (record instanceof ShopOrder o ? o.id() : record);
        return "Ordine " + order + " non inserito nel gestionale: " + error;
    }
}
