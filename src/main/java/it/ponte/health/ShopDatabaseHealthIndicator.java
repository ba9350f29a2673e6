package it.ponte.health;

import it.ponte.db.ShopDatabaseGuard;
import it.ponte.sync.RunCompletion;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health/shopDatabase}: DOWN from the moment a step could not get a connection to the shop database
 * (Ponte's own: without it no run can be recorded) until one gets through again, without waiting a connection timeout
 * per health check; it also shows the runs whose outcome waits for the database.
 */
@Component("shopDatabase")
public class ShopDatabaseHealthIndicator implements HealthIndicator {

    private final ShopDatabaseGuard shop;
    private final RunCompletion completion;

    public ShopDatabaseHealthIndicator(@Qualifier("shopDataSource") ShopDatabaseGuard shop, RunCompletion completion) {
        this.shop = shop;
        this.completion = completion;
    }

    @Override
    public Health health() {
        Health.Builder health = shop.downSince() == null ? Health.up()
                : Health.down().withDetail("unreachableSince", shop.downSince().toString()).withDetail("reason", shop.downReason());
        return health.withDetail("runsAwaitingTheirRecord", completion.unrecordedCount()).build();
    }
}
