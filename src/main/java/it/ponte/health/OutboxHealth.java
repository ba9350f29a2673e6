package it.ponte.health;

import it.ponte.outbox.OutboxLifecycle;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** What Ponte still owes Amazon and Mailchimp, and the parked backlog a person has to look at. */
@Component("outbox")
public class OutboxHealth implements HealthIndicator {

    private final OutboxLifecycle outboxes;

    public OutboxHealth(OutboxLifecycle outboxes) {
        this.outboxes = outboxes;
    }

    @Override
    public Health health() {
        try {
            return check();
        } catch (RuntimeException e) {
            // the shop database is what this reads: when it is gone, so is this part of Ponte
            return Health.down().withDetail("reason", String.valueOf(e.getMessage())).build();
        }
    }

    private Health check() {
        Map<String, Object> details = new LinkedHashMap<>();
        for (OutboxLifecycle.Outbox outbox : OutboxLifecycle.Outbox.values()) {
            Map<String, Integer> depth = new LinkedHashMap<>();
            outboxes.depth(outbox).forEach((state, n) -> depth.put(state.name(), n));
            details.put(outbox.name().toLowerCase(), depth);
        }
        return Health.up().withDetails(details).build();
    }
}
