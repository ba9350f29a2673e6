package it.ponte.sync;

import it.ponte.remote.FailureClass;
import it.ponte.remote.FailurePolicy;
import it.ponte.remote.RecordFailure;
import it.ponte.remote.RecordFailureSink;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The handler of the {@code record-failure} route configuration: one record failed, whatever the reason. The record
 * goes to its sink (its outbox, its hold…) with the class, step and reason; the run notes it and goes on, to end
 * PARTIAL rather than FAILED. A remote found down is noted once per run.
 */
@Component("recordFailures")
public class RecordFailures {

    private static final Logger log = LoggerFactory.getLogger(RecordFailures.class);

    private final FailurePolicy policy;

    public RecordFailures(FailurePolicy policy) {
        this.policy = policy;
    }

    public void failed(Exchange exchange) {
        Throwable failure = FailurePolicy.failureOf(exchange);
        FailureClass failureClass = policy.classify(failure);
        String step = step(exchange);
        String reason = policy.reason(failure);
        Object record = exchange.getProperty(RecordFailureSink.RECORD_PROPERTY);
        if (record == null) {
            record = exchange.getMessage().getBody();
        }
        String sinkName = exchange.getProperty(RecordFailureSink.PROPERTY, String.class);
        RecordFailureSink sink = sinkName == null ? null
                : exchange.getContext().getRegistry().lookupByNameAndType(sinkName, RecordFailureSink.class);
        String line = sink != null ? sink.recordFailed(new RecordFailure(record, failureClass, step, reason))
                : step + ": " + reason;
        SyncContext ctx = exchange.getProperty(SyncContext.PROPERTY, SyncContext.class);
        if (ctx != null) {
            ctx.recordFailed(failureClass, line);
        }
        if (failureClass == FailureClass.UNEXPECTED) {
            log.warn("Record failed in {}: {}", step, reason, failure);
        } else {
            log.info("Record failed in {} ({}): {}", step, failureClass, reason);
        }
    }

    private static String step(Exchange exchange) {
        String step = exchange.getProperty("ponteStep", String.class);
        if (step != null) {
            return step;
        }
        String route = exchange.getProperty(Exchange.FAILURE_ROUTE_ID, String.class);
        return route != null ? route : exchange.getFromRouteId();
    }
}
