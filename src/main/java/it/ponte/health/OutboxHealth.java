package it.ponte.health;

import it.ponte.outbox.OutboxLifecycle;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * What Ponte still owes Amazon and Mailchimp, and the parked backlog a person has to look at (with the orders parked
 * for the ERP after their failed inserts).
 */
@Component("outbox")
public class OutboxHealth implements HealthIndicator {

    private final OutboxLifecycle outboxes;
    private final it.ponte.erp.ErpParkedOrders erpParked;

    public OutboxHealth(OutboxLifecycle outboxes, it.ponte.erp.ErpParkedOrders erpParked) {
        this.outboxes = outboxes;
        this.erpParked = erpParked;
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
        details.put("erp", Map.of("PARKED", erpParked.count()));
        return Health.up().withDetails(details).build();
    }
}
