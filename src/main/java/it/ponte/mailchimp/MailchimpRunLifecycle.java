package it.ponte.mailchimp;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Opens and closes a Mailchimp run: reads the run's headers ({@code syncRunId}, {@code syncMode},
 * {@code since}, optional {@code mailchimpScope}), says which phases the run has (headers the routers decide on),
 * and turns the run into its {@link MailchimpReport}.
 */
@Component
public class MailchimpRunLifecycle {

    public static final String SYNC_RUN_ID = "syncRunId";
    public static final String SYNC_MODE = "syncMode";
    public static final String SINCE = "since";
    public static final String SCOPE = "mailchimpScope";

    private static final Logger log = LoggerFactory.getLogger(MailchimpRunLifecycle.class);

    private final MailchimpProperties properties;
    private final MailchimpOutbox outbox;

    public MailchimpRunLifecycle(MailchimpProperties properties, MailchimpOutbox outbox) {
        this.properties = properties;
        this.outbox = outbox;
    }

    public void start(Exchange exchange) {
        Object mode = exchange.getMessage().getHeader(SYNC_MODE);
        String syncMode = mode == null ? "TOTAL" : mode.toString().trim().toUpperCase();
        if (!syncMode.equals("TOTAL") && !syncMode.equals("CHANGED") && !syncMode.equals("PARTIAL")) {
            throw new IllegalArgumentException("syncMode must be TOTAL, CHANGED or PARTIAL, not " + mode);
        }
        Object scopeHeader = exchange.getMessage().getHeader(SCOPE);
        MailchimpScope scope = scopeHeader == null ? MailchimpScope.ALL : MailchimpScope.valueOf(scopeHeader.toString());
        Object since = exchange.getMessage().getHeader(SINCE);
        if (since == null) {
            since = exchange.getProperty(SINCE);
        }
        Long runId = exchange.getMessage().getHeader(SYNC_RUN_ID, Long.class);
        MailchimpRun run = new MailchimpRun(runId, syncMode, scope, instant(since));
        exchange.setProperty(MailchimpRun.PROPERTY, run);

        boolean all = scope == MailchimpScope.ALL;
        boolean notPartial = !syncMode.equals("PARTIAL");
        var message = exchange.getMessage();
        message.setHeader("mailchimpEnabled", properties.enabled());
        message.setHeader("mailchimpCustomers", scope == MailchimpScope.CUSTOMERS || all && notPartial);
        message.setHeader("mailchimpProducts", scope == MailchimpScope.PRODUCTS || all && notPartial);
        message.setHeader("mailchimpOrders", scope == MailchimpScope.ORDERS || all && notPartial);
        message.setHeader("mailchimpCarts", all);
        message.setHeader("mailchimpCartsEnabled", properties.abandonedCarts().enabled());
        log.info("Mailchimp run starts: syncRunId={} mode={} scope={} since={}", runId, syncMode, scope, run.since());
    }

    /** The cart router's verdict, whichever branch it took, goes into the report. */
    public void cartsVerdict(@Header("mailchimpVerdict") String verdict, @ExchangeProperty(MailchimpRun.PROPERTY) MailchimpRun run) {
        run.cartsVerdict(MailchimpVerdict.valueOf(verdict));
    }

    /**
     * Whether the report of this Mailchimp run goes out as a mail of its own: Mailchimp enabled, the run touched it, the
     * caller did not say {@code mailchimpReportMail=false}, and the run is not the Mailchimp phase of a sync run (whose
     * one report tells it) unless it is a manual sync run ({@code mailchimpManualRun}).
     */
    public boolean reportMailed(Exchange exchange) {
        var message = exchange.getMessage();
        boolean insideSyncRun = exchange.getProperty("syncContext") != null
                && !"true".equals(message.getHeader("mailchimpManualRun", String.class));
        return Boolean.TRUE.equals(message.getHeader("mailchimpEnabled", Boolean.class))
                && !"false".equals(message.getHeader("mailchimpReportMail", String.class)) && !insideSyncRun
                && message.getBody() instanceof MailchimpReport report && report.isWorthMailing();
    }

    public MailchimpReport finish(@ExchangeProperty(MailchimpRun.PROPERTY) MailchimpRun run) {
        MailchimpReport report = run.report(properties.enabled(), outbox.parked());
        log.info("Mailchimp run done: {}", report.entities());
        return report;
    }

    /** The run's own error handler: what could not even be attempted is reported, and still owed. */
    public MailchimpReport abort(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause,
                                 @ExchangeProperty(MailchimpRun.PROPERTY) MailchimpRun run) {
        log.error("Mailchimp run stopped", cause);
        MailchimpRun reported = run != null ? run : new MailchimpRun(null, null, MailchimpScope.ALL, null);
        reported.abort(cause.getMessage() == null ? "errore imprevisto" : it.ponte.remote.FailurePolicy.merchantSafe(cause.getMessage()));
        return finish(reported);
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Date d) {
            return d.toInstant();
        }
        String text = value.toString().trim();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(text).toInstant();
        }
    }
}
