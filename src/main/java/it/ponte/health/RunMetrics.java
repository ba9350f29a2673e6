package it.ponte.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import it.ponte.outbox.OutboxLifecycle;
import it.ponte.sync.RunLedger;
import it.ponte.sync.SyncContext;
import it.ponte.sync.SyncPhase;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;
import org.springframework.stereotype.Component;

/**
 * Prometheus figures of the runs, beside Camel's own route metrics: runs by mode and outcome, each phase's time,
 * orders imported, inserted and changed, and what is still owed (and parked) per remote.
 */
@Component("runMetrics")
public class RunMetrics extends RoutePolicySupport implements MeterBinder {

    private static final Map<String, String> ORDER_COUNTS = Map.of(
            "amazon.imported", "imported", "amazon.held", "held", "erp.stored", "inserted", "state.changed", "changed");

    private final OutboxLifecycle outboxes;
    private volatile MeterRegistry registry;

    public RunMetrics(OutboxLifecycle outboxes) {
        this.outboxes = outboxes;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        for (OutboxLifecycle.Outbox outbox : OutboxLifecycle.Outbox.values()) {
            for (OutboxLifecycle.State state : OutboxLifecycle.State.values()) {
                if (state == OutboxLifecycle.State.DONE) {
                    continue;
                }
                Gauge.builder("ponte.outbox.depth", () -> outboxes.depth(outbox).getOrDefault(state, 0))
                        .description("Records owed to a remote, by state (PARKED: waiting for a person)")
                        .tag("remote", outbox.name().toLowerCase()).tag("state", state.name()).register(registry);
            }
        }
    }

    /** The {@code sync-run} route's policy: once per run, when its exchange is done. */
    @Override
    public void onExchangeDone(Route route, Exchange exchange) {
        MeterRegistry meters = registry;
        if (meters == null) {
            return;
        }
        SyncContext ctx = exchange.getProperty(SyncContext.PROPERTY, SyncContext.class);
        if (ctx == null) {
            return;
        }
        RunLedger ledger = ctx.ledger();
        meters.counter("ponte.runs", "mode", ctx.getMode().name(), "outcome", ledger.outcome().name()).increment();
        Map<String, Integer> counts = ledger.countsSnapshot();
        for (SyncPhase phase : SyncPhase.values()) {
            Integer ms = counts.get("phase." + phase.name() + ".ms");
            if (ms != null) {
                Timer.builder("ponte.run.phase").tag("phase", phase.name()).register(meters).record(Duration.ofMillis(ms));
            }
        }
        ORDER_COUNTS.forEach((count, what) -> {
            Integer n = counts.get(count);
            if (n != null && n > 0) {
                meters.counter("ponte.orders", "what", what).increment(n);
            }
        });
    }
}
