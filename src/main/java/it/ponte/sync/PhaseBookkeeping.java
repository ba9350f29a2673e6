package it.ponte.sync;

import it.ponte.mailchimp.MailchimpException;
import it.ponte.mailchimp.MailchimpReport;
import it.ponte.remote.FailureClass;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSendingEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps each run's phases in its ledger without a step in the routes: when a run is sent to a phase's route
 * ({@link SyncPhase#endpoint()}) the run record shows the phase; when the phase returns, its time and what it
 * reported go into the ledger. Exchanges that carry no run (a REST call of a phase route) are left alone.
 */
@Component
public class PhaseBookkeeping extends EventNotifierSupport {

    private static final Logger log = LoggerFactory.getLogger(PhaseBookkeeping.class);

    private final SyncRuns runs;

    public PhaseBookkeeping(SyncRuns runs) {
        this.runs = runs;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeSendingEvent || event instanceof ExchangeSentEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof ExchangeSendingEvent sending) {
            run(sending.getExchange()).ifPresent(ctx -> SyncPhase.ofEndpoint(sending.getEndpoint().getEndpointUri())
                    .ifPresent(phase -> entered(ctx, phase)));
        } else if (event instanceof ExchangeSentEvent sent) {
            run(sent.getExchange()).ifPresent(ctx -> SyncPhase.ofEndpoint(sent.getEndpoint().getEndpointUri())
                    .ifPresent(phase -> left(ctx, phase, sent.getTimeTaken(), sent.getExchange())));
        }
    }

    private void entered(SyncContext ctx, SyncPhase phase) {
        ctx.ledger().enter(phase);
        save(ctx);
    }

    private void left(SyncContext ctx, SyncPhase phase, long millis, Exchange exchange) {
        RunLedger ledger = ctx.ledger();
        ledger.phaseTook(phase, millis);
        switch (phase) {
            case AMAZON_POLL -> {
                ledger.amazonReport().counts().forEach((kind, n) -> ledger.setCount("amazon." + kind.name().toLowerCase(), n));
                ledger.amazonReport().accountFailures().forEach(f -> ledger.error("Account Amazon " + f.accountId() + ": " + f.message()));
            }
            case MAILCHIMP -> mailchimp(ledger, exchange.getMessage().getBody());
            default -> {
            }
        }
        save(ctx);
    }

    private static void mailchimp(RunLedger ledger, Object body) {
        if (!(body instanceof MailchimpReport report)) {
            return;
        }
        ledger.putReport("mailchimp", report);
        if (!report.enabled()) {
            return;
        }
        if (report.isUnreachable()) {
            // the same line its records gave, if any: said once
            ledger.recordFailed(FailureClass.REMOTE_DOWN, MailchimpException.UNREACHABLE);
        } else if (report.storeProblem() != null) {
            ledger.error("Mailchimp: " + report.storeProblem());
        }
        if (report.abortedBecause() != null) {
            ledger.error("Mailchimp: " + report.abortedBecause());
        }
        report.entities().forEach((entity, counts) -> {
            String prefix = "mailchimp." + entity.name().toLowerCase();
            ledger.setCount(prefix + ".created", counts.created());
            ledger.setCount(prefix + ".updated", counts.updated());
            ledger.setCount(prefix + ".failed", counts.failedTotal());
        });
    }

    private void save(SyncContext ctx) {
        try {
            runs.saveProgress(ctx);
        } catch (RuntimeException e) {
            // The run's own steps meet the same database and fail the run with the reason; progress can wait.
            log.warn("Progress of run {} not saved: {}", ctx.getRunId(), e.getMessage());
        }
    }

    private static Optional<SyncContext> run(Exchange exchange) {
        return Optional.ofNullable(exchange.getProperty(SyncContext.PROPERTY, SyncContext.class));
    }
}
