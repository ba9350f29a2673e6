package it.ponte.sandbox.amazon;

import it.ponte.sandbox.SandboxAmazonBuyers;
import it.ponte.sandbox.SandboxCatalogue;
import it.ponte.sandbox.SandboxPlaces;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;

/**
 * Realistic Amazon.it orders for the demo: Italian buyers and addresses, anonymised marketplace e-mails,
 * mostly unshipped, some pending without prices yet, some shipped, some fulfilled by Amazon, placed over
 * the last two days. The same seed gives the same order ids, so a re-import after a restart dedupes.
 */
public final class AmazonOrderSeeder {

    static final Duration NEWEST = Duration.ofMinutes(5);
    static final Duration OLDEST = Duration.ofDays(2);
    private static final BigDecimal FREE_SHIPPING_FROM = new BigDecimal("49.00");
    private static final List<BigDecimal> SHIPPING_RATES = List.of(new BigDecimal("4.90"), new BigDecimal("6.90"));

    private final long seed;

    public AmazonOrderSeeder(long seed) {
        this.seed = seed;
    }

    public List<NewOrder> generate(int count, String sellerId, Instant now) {
        Random random = new Random(seed);
        Faker faker = new Faker(Locale.ITALY, random);
        List<NewOrder> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            FulfillmentStatus status = FulfillmentStatus.UNSHIPPED;
            FulfilledBy by = FulfilledBy.MERCHANT;
            String name;
            String email = anonymisedEmail(random);
            SandboxAddress shipTo;
            if (i < SandboxAmazonBuyers.RETURNING.size()) {
                SandboxAmazonBuyers.Buyer b = SandboxAmazonBuyers.RETURNING.get(i);
                name = b.fullName();
                email = b.email();
                shipTo = new SandboxAddress(name, b.line1(), null, b.city(), b.province(), b.postalCode(), "IT", b.phone());
            } else {
                switch ((i - SandboxAmazonBuyers.RETURNING.size()) % 5) {
                    case 0 -> status = FulfillmentStatus.PENDING;
                    case 1 -> status = FulfillmentStatus.SHIPPED;
                    case 2 -> {
                        status = FulfillmentStatus.SHIPPED;
                        by = FulfilledBy.AMAZON;
                    }
                    default -> status = FulfillmentStatus.UNSHIPPED;
                }
                name = faker.name().firstName() + " " + faker.name().lastName();
                SandboxPlaces.Place place = SandboxPlaces.PLACES.get(random.nextInt(SandboxPlaces.PLACES.size()));
                shipTo = new SandboxAddress(name, faker.address().streetName() + " " + (1 + random.nextInt(180)),
                        random.nextInt(4) == 0 ? faker.address().secondaryAddress() : null,
                        place.city(), place.province(), place.postalCode(), "IT", faker.phoneNumber().cellPhone());
            }
            List<NewOrder.Item> items = items(random);
            BigDecimal itemsTotal = items.stream().map(it -> it.unitPrice().multiply(BigDecimal.valueOf(it.quantity())))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal shippingRate = SHIPPING_RATES.get(random.nextInt(SHIPPING_RATES.size()));
            BigDecimal shipping = by == FulfilledBy.AMAZON || itemsTotal.compareTo(FREE_SHIPPING_FROM) >= 0 ? BigDecimal.ZERO : shippingRate;
            long spanSeconds = OLDEST.minus(NEWEST).toSeconds();
            Instant created = now.minus(NEWEST).minusSeconds((long) (random.nextDouble() * spanSeconds)).truncatedTo(ChronoUnit.SECONDS);
            long untilNewest = Duration.between(created, now.minus(NEWEST)).toSeconds();
            Instant updated = created.plusSeconds((long) (random.nextDouble() * Math.min(untilNewest, Duration.ofHours(6).toSeconds())));
            orders.add(new NewOrder(sellerId, AmazonIds.orderId(random), status, by, SandboxOrderFactory.MARKETPLACE_IT, name,
                    email, shipTo, items, shipping, created, updated));
        }
        return orders;
    }

    private static List<NewOrder.Item> items(Random random) {
        List<SandboxCatalogue.Product> catalogue = new ArrayList<>(SandboxCatalogue.PRODUCTS);
        int rows = 1 + random.nextInt(3);
        List<NewOrder.Item> items = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            SandboxCatalogue.Product p = catalogue.remove(random.nextInt(catalogue.size()));
            items.add(new NewOrder.Item(p.sku(), p.title(), 1 + (random.nextInt(4) == 0 ? 1 : 0), p.price(),
                    AmazonIds.asinFor(p.sku()), AmazonIds.orderItemId(random)));
        }
        return items;
    }

    private static String anonymisedEmail(Random random) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder local = new StringBuilder();
        for (int i = 0; i < 15; i++) {
            local.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return local + "@marketplace.amazon.it";
    }
}
