package it.ponte.sync;

import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * The log lines of a run carry its id ({@code [run 42]}, the MDC key {@value #KEY}): the {@code sync-run} route's
 * policy puts it on the run's thread when the run begins and takes it away when it ends. The threads of the parallel
 * Mailchimp writers do not carry it yet (Camel's own MDC logging clears custom keys between split parts).
 */
@Component("runLogging")
public class RunLogging extends RoutePolicySupport {

    public static final String KEY = "ponte.runId";

    @Override
    public void onExchangeBegin(Route route, Exchange exchange) {
        if (exchange.getMessage().getBody() instanceof SyncContext ctx) {
            MDC.put(KEY, Long.toString(ctx.getRunId()));
        }
    }

    @Override
    public void onExchangeDone(Route route, Exchange exchange) {
        MDC.remove(KEY);
    }
}
