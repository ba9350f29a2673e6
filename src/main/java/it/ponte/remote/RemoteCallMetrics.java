package it.ponte.remote;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.springframework.stereotype.Component;

/**
 * Prometheus figures of every call to a remote, counted once for all routes: Camel tells this notifier each time an
 * exchange was sent to an {@code http(s):} or {@code smtp(s):} endpoint, and the call routes say which remote and which
 * operation it was in the exchange properties {@value #REMOTE} and {@value #OPERATION} ({@code amazon-api},
 * {@code amazon-lwa}, {@code mailchimp-api}; the report route's mail is {@code smtp}). The failure policy's redelivery
 * hook counts the retries, Amazon's pacing the waits for its rate budget.
 * <ul>
 *   <li>{@code ponte_remote_calls_total{remote,operation,status}}: status is the HTTP status, {@code sent} for a mail,
 *       {@code no_answer} when the remote could not be reached</li>
 *   <li>{@code ponte_remote_call_seconds{remote,operation}}: how long the calls took</li>
 *   <li>{@code ponte_remote_throttled_total{remote,operation}}: the 429 answers</li>
 *   <li>{@code ponte_remote_retries_total{remote,operation}}: redeliveries of transient failures</li>
 *   <li>{@code ponte_remote_rate_wait_seconds{remote,operation}}: waits for Amazon's rate budget (count and sum)</li>
 * </ul>
 */
@Component("remoteCallMetrics")
public class RemoteCallMetrics extends EventNotifierSupport {

    /** Exchange property: the remote a call goes to ({@code amazon}, {@code mailchimp}, {@code smtp}). */
    public static final String REMOTE = "ponteRemote";
    /** Exchange property: the operation, without record ids ({@code searchOrders}, {@code put customer}). */
    public static final String OPERATION = "ponteRemoteOperation";

    private final MeterRegistry meters;

    public RemoteCallMetrics(MeterRegistry meters) {
        this.meters = meters;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeSentEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        ExchangeSentEvent sent = (ExchangeSentEvent) event;
        String uri = sent.getEndpoint().getEndpointUri();
        boolean mail = uri.startsWith("smtp");
        if (!mail && !uri.startsWith("http")) {
            return;
        }
        Exchange exchange = sent.getExchange();
        String remote = mail ? "smtp" : exchange.getProperty(REMOTE, String.class);
        if (remote == null) {
            return;
        }
        String operation = mail ? "send mail" : exchange.getProperty(OPERATION, "unknown", String.class);
        String status = status(exchange, mail);
        Counter.builder("ponte.remote.calls").description("Calls to a remote, by operation and answer")
                .tag("remote", remote).tag("operation", operation).tag("status", status).register(meters).increment();
        Timer.builder("ponte.remote.call").description("How long the calls to a remote took")
                .tag("remote", remote).tag("operation", operation).register(meters).record(Duration.ofMillis(sent.getTimeTaken()));
        if ("429".equals(status)) {
            Counter.builder("ponte.remote.throttled").description("429 answers: the remote's rate or concurrency limit")
                    .tag("remote", remote).tag("operation", operation).register(meters).increment();
        }
    }

    /** The failure policy's redelivery hook: one more attempt of a transient failure. */
    public void redelivered(Exchange exchange) {
        String remote = exchange.getProperty(REMOTE, String.class);
        if (remote == null) {
            remote = remoteOf(FailurePolicy.failureOf(exchange));
        }
        Counter.builder("ponte.remote.retries").description("Redeliveries of calls that failed transiently (429, 5xx, no answer)")
                .tag("remote", remote).tag("operation", exchange.getProperty(OPERATION, "unknown", String.class))
                .register(meters).increment();
    }

    /** A call that waited for the remote's rate budget (Amazon's token buckets) before it went out. */
    public void rateWait(String remote, String operation, Duration waited) {
        Timer.builder("ponte.remote.rate.wait").description("Waits for a remote's rate budget before a call")
                .tag("remote", remote).tag("operation", operation).register(meters).record(waited);
    }

    private static String status(Exchange exchange, boolean mail) {
        if (exchange.getException() != null) {
            return "no_answer";
        }
        if (mail) {
            return "sent";
        }
        Integer code = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        return code == null ? "no_answer" : Integer.toString(code);
    }

    private static String remoteOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RemoteFailure remote) {
                return remote.remote().toLowerCase(Locale.ROOT);
            }
        }
        return "unknown";
    }
}
