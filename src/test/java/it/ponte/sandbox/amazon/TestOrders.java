package it.ponte.sandbox.amazon;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Orders for the tests, placed in the past so the default search window (ending two minutes ago) sees them. */
public final class TestOrders {

    private TestOrders() {
    }

    public static NewOrder order(FulfillmentStatus status, FulfilledBy by, Duration ago) {
        Instant at = Instant.now().minus(ago).truncatedTo(ChronoUnit.SECONDS);
        return new NewOrder(null, null, status, by, null, "Anna Rossi", "x7k2m9q4w1e8r5t@marketplace.amazon.it",
                new SandboxAddress("Anna Rossi", "Via Roma 1", "Scala B", "Bologna", "BO", "40121", "IT", "+39 333 123 4567"),
                List.of(new NewOrder.Item("PONTE-MOKA-3", "Moka in alluminio 3 tazze", 2, new BigDecimal("24.50")),
                        new NewOrder.Item("PONTE-CAF-1000", "Caffè macinato miscela classica 1 kg", 1, new BigDecimal("14.90"))),
                new BigDecimal("4.90"), at, at);
    }

    public static NewOrder unshipped(Duration ago) {
        return order(FulfillmentStatus.UNSHIPPED, FulfilledBy.MERCHANT, ago);
    }
}
