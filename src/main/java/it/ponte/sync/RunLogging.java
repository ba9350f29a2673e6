package it.ponte.sync;

import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * The log lines of a run carry its id ({@code [run 42]}, the MDC key {@value #KEY}). The policy of the
 * {@code sync-run} route puts it on the run's thread; the per-record routes that run on a splitter's thread pool
 * ({@code mailchimp-write-owed}) carry the same policy, so a writer thread says which run it works for, and says nothing
 * when it works for no run. When an exchange is done the thread gets back the id it had before.
 */
@Component("runLogging")
public class RunLogging extends RoutePolicySupport {

    public static final String KEY = "ponte.runId";
    private static final String PREVIOUS = "ponteRunLoggingPrevious";

    @Override
    public void onExchangeBegin(Route route, Exchange exchange) {
        String previous = MDC.get(KEY);
        exchange.setProperty(PREVIOUS + "." + route.getRouteId(), previous == null ? "" : previous);
        SyncContext ctx = exchange.getProperty(SyncContext.PROPERTY, SyncContext.class);
        if (ctx == null && exchange.getMessage().getBody() instanceof SyncContext body) {
            ctx = body;
        }
        if (ctx != null) {
            MDC.put(KEY, Long.toString(ctx.getRunId()));
        } else {
            MDC.remove(KEY);
        }
    }

    @Override
    public void onExchangeDone(Route route, Exchange exchange) {
        String previous = exchange.getProperty(PREVIOUS + "." + route.getRouteId(), String.class);
        if (previous == null || previous.isEmpty()) {
            MDC.remove(KEY);
        } else {
            MDC.put(KEY, previous);
        }
    }
}
