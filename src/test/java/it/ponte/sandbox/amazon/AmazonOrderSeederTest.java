package it.ponte.sandbox.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import it.ponte.sandbox.SandboxAmazonBuyers;
import it.ponte.sandbox.SandboxCatalogue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo orders: Italian, realistic in mix and timing, and the same ids on every start. */
class AmazonOrderSeederTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    private final List<NewOrder> orders = new AmazonOrderSeeder(20260101L).generate(12, "A1PONTESANDBOX", NOW);

    @Test
    void sameSeedGivesTheSameOrderIdsOnEveryStart() {
        List<NewOrder> later = new AmazonOrderSeeder(20260101L).generate(12, "A1PONTESANDBOX", NOW.plus(Duration.ofDays(3)));
        assertThat(later).extracting(NewOrder::orderId).containsExactlyElementsOf(orders.stream().map(NewOrder::orderId).toList());
        assertThat(orders).extracting(NewOrder::orderId).doesNotHaveDuplicates().allMatch(id -> id.matches(AmazonIds.ORDER_ID_PATTERN));
    }

    @Test
    void mostOrdersAreUnshippedWithSomePendingShippedAndAmazonFulfilled() {
        Map<FulfillmentStatus, Long> byStatus = orders.stream().collect(Collectors.groupingBy(NewOrder::status, Collectors.counting()));
        assertThat(byStatus.get(FulfillmentStatus.UNSHIPPED)).isGreaterThan(byStatus.values().stream().mapToLong(Long::longValue).sum() / 3);
        assertThat(byStatus).containsKeys(FulfillmentStatus.PENDING, FulfillmentStatus.SHIPPED);
        assertThat(orders).anyMatch(o -> o.fulfilledBy() == FulfilledBy.AMAZON);
        assertThat(orders.stream().filter(o -> o.fulfilledBy() == FulfilledBy.AMAZON))
                .allMatch(o -> o.shippingAmount().signum() == 0);
    }

    @Test
    void buyersAreItalianWithAnonymisedMarketplaceEmails() {
        assertThat(orders).allMatch(o -> o.buyerEmail().endsWith("@marketplace.amazon.it"));
        assertThat(orders).allMatch(o -> "IT".equals(o.shipTo().countryCode())
                && o.shipTo().postalCode().matches("\\d{5}") && o.shipTo().province().matches("[A-Z]{2}"));
        assertThat(orders).allMatch(o -> SandboxOrderFactory.MARKETPLACE_IT.equals(o.marketplaceId()));
    }

    @Test
    void twoBuyersAreReturningShopCustomers() {
        Set<String> returning = SandboxAmazonBuyers.RETURNING.stream().map(SandboxAmazonBuyers.Buyer::email).collect(Collectors.toSet());
        assertThat(orders.stream().filter(o -> returning.contains(o.buyerEmail()))).hasSize(2)
                .allMatch(o -> o.status() == FulfillmentStatus.UNSHIPPED && o.fulfilledBy() == FulfilledBy.MERCHANT);
    }

    @Test
    void itemsComeFromTheShopCatalogueAtItsPrices() {
        Map<String, SandboxCatalogue.Product> catalogue = SandboxCatalogue.PRODUCTS.stream()
                .collect(Collectors.toMap(SandboxCatalogue.Product::sku, Function.identity()));
        assertThat(orders).allMatch(o -> o.items().size() >= 1 && o.items().size() <= 3);
        assertThat(orders.stream().flatMap(o -> o.items().stream()))
                .allMatch(i -> catalogue.containsKey(i.sku()) && catalogue.get(i.sku()).price().compareTo(i.unitPrice()) == 0);
    }

    @Test
    void ordersWerePlacedOverTheLastTwoDaysButAtLeastFiveMinutesAgo() {
        assertThat(orders).allMatch(o -> !o.createdTime().isBefore(NOW.minus(Duration.ofDays(2)))
                && !o.lastUpdatedTime().isAfter(NOW.minus(Duration.ofMinutes(5)))
                && !o.lastUpdatedTime().isBefore(o.createdTime()));
    }
}
