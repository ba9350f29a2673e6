package it.ponte.remote;

import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The {@code onRedelivery} step of the {@code transient-remote} route configuration: the declared redelivery policy
 * already waited its exponential, jittered delay; when the remote asked for longer (Retry-After, or Amazon's known
 * rate after a 429), this waits the rest before the call goes out again. Each redelivery is counted
 * ({@code ponte_remote_retries_total}).
 */
@Component("remoteBackoff")
public class RemoteBackoff implements Processor {

    private static final Logger log = LoggerFactory.getLogger(RemoteBackoff.class);
    private static final Duration CEILING = Duration.ofMinutes(2);
    private static final Duration SHOWN_WAIT = Duration.ofSeconds(1);
    /** Exchange property (an Instant): waits of this exchange end by then (the Amazon poll's time budget). */
    public static final String WAIT_DEADLINE = "ponteWaitDeadline";

    private final RemoteCallMetrics metrics;

    public RemoteBackoff(RemoteCallMetrics metrics) {
        this.metrics = metrics;
    }

    /** The {@code onRedeliveryRef} of a route configuration is a processor: this is it. */
    @Override
    public void process(Exchange exchange) throws InterruptedException {
        beforeRedelivery(exchange);
    }

    public void beforeRedelivery(Exchange exchange) throws InterruptedException {
        metrics.redelivered(exchange);
        Throwable failure = FailurePolicy.failureOf(exchange);
        Duration asked = retryAfter(failure);
        if (asked == null) {
            return;
        }
        Long waited = exchange.getMessage().getHeader(Exchange.REDELIVERY_DELAY, Long.class);
        long rest = Math.min(asked.toMillis(), CEILING.toMillis()) - (waited == null ? 0 : waited);
        java.time.Instant deadline = exchange.getProperty(WAIT_DEADLINE, java.time.Instant.class);
        if (deadline != null) {
            rest = Math.min(rest, java.time.Instant.now().until(deadline, java.time.temporal.ChronoUnit.MILLIS));
        }
        if (rest > 0) {
            log.info("Remote asked to wait {} ms before the next attempt ({} more)", asked.toMillis(), rest);
            // a wait the operator may notice is shown where the run is shown, as the rate budget's waits are
            RemoteWaitNotice notice = rest >= SHOWN_WAIT.toMillis() ? exchange.getProperty(RemoteWaitNotice.PROPERTY, RemoteWaitNotice.class) : null;
            if (notice != null) {
                notice.remoteAskedToWait(exchange, failure, java.time.Instant.now().plusMillis(rest));
            }
            try {
                Thread.sleep(rest);
            } finally {
                if (notice != null) {
                    notice.remoteWaitOver();
                }
            }
        }
    }

    static Duration retryAfter(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RemoteFailure remote) {
                return remote.retryAfter();
            }
        }
        return null;
    }
}
