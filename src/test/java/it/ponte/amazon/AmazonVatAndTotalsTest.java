package it.ponte.amazon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.ponte.SyncTestBase;
import it.ponte.sandbox.amazon.FulfilledBy;
import it.ponte.sandbox.amazon.FulfillmentStatus;
import it.ponte.sandbox.amazon.NewOrder;
import it.ponte.sandbox.amazon.SandboxAddress;
import it.ponte.sandbox.amazon.SandboxCharges;
import it.ponte.sandbox.amazon.SandboxOrder;
import it.ponte.sync.SyncMode;
import it.ponte.sync.SyncOutcome;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * VAT and totals (issue 11): on Amazon's EU marketplaces prices include VAT; the ERP document's rows (items, shipping,
 * gift wrap, discounts) add up to the order total and each records its VAT; an order whose rows do not add up is held
 * with the difference named instead of becoming a wrong document.
 */
class AmazonVatAndTotalsTest extends SyncTestBase {

    @Test
    void theErpRowsOfItemsShippingGiftWrapAndDiscountAddUpToTheOrderTotalEachWithItsVat() {
        SandboxOrder order = amazon.addOrder(order(30).withCharges(
                new SandboxCharges(new BigDecimal("3.00"), new BigDecimal("5.00"), null, null, "PROMO-NATALE")));

        assertThat(sync.run(SyncMode.PARTIAL).outcome()).isEqualTo(SyncOutcome.SUCCEEDED);

        Map<String, Object> doc = erpJdbc.queryForMap("SELECT * FROM erp_document", Map.of());
        // 2 × 24.50 + 14.90 + 4.90 shipping + 3.00 gift wrap − 5.00 discount, VAT included
        assertThat((BigDecimal) doc.get("total")).isEqualByComparingTo("66.80").isEqualByComparingTo(order.grandTotal());
        assertThat(doc.get("prices_include_vat")).isIn(true, 1, (byte) 1);
        List<Map<String, Object>> rows = erpJdbc.queryForList("SELECT * FROM erp_row ORDER BY line_no", Map.of());
        assertThat(rows).extracting(r -> r.get("kind")).containsExactly("ITEM", "ITEM", "EXPENSE", "EXPENSE", "DISCOUNT", "NOTE");
        assertThat(rows).extracting(r -> r.get("item_code"))
                .containsExactly("PONTE-MOKA-3", "PONTE-CAF-1000", "SPESE-TRASP", "SPESE-REGALO", "SCONTO", null);
        BigDecimal sum = rows.stream().map(r -> ((BigDecimal) r.get("quantity")).multiply((BigDecimal) r.get("unit_price")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).as("the rows add up to the document's total").isEqualByComparingTo((BigDecimal) doc.get("total"));
        assertThat((BigDecimal) rows.get(4).get("unit_price")).isEqualByComparingTo("-5.00");
        assertThat((String) rows.get(4).get("description")).contains("PROMO-NATALE");
        // Italian VAT, 22 %, contained in each amount
        assertThat(rows.subList(0, 5)).extracting(r -> ((BigDecimal) r.get("vat_amount")).toPlainString())
                .containsExactly("8.84", "2.69", "0.88", "0.54", "-0.90");
    }

    @Test
    void anOrderWhoseRowsDoNotAddUpToItsTotalIsHeldWithTheDifferenceNamedNotStored() {
        // as in Amazon's own model example: a delivery tip in the grand total that belongs to no item
        SandboxOrder order = amazon.addOrder(order(20).withCharges(new SandboxCharges(null, null, new BigDecimal("5.00"), null, null)));

        sync.run(SyncMode.PARTIAL);

        assertThat(shopJdbc.queryForObject("SELECT COUNT(*) FROM shop_order", Map.of(), Long.class)).isZero();
        assertThat(erpJdbc.queryForObject("SELECT COUNT(*) FROM erp_document", Map.of(), Long.class)).isZero();
        String reason = shopJdbc.queryForObject("SELECT reason FROM amazon_order_hold WHERE amazon_order_id = :id",
                Map.of("id", order.orderId()), String.class);
        assertThat(reason).startsWith("TOTALS_MISMATCH").contains("order total 73.80 EUR").contains("rows 68.80 EUR")
                .contains("difference 5.00 EUR");
        await().atMost(Duration.ofSeconds(10)).until(() -> mail.messages().stream().anyMatch(m -> m.subject().contains("Amazon")));
        assertThat(mail.messages().stream().filter(m -> m.subject().contains("Amazon")).findFirst().orElseThrow().text())
                .contains(order.orderId()).contains("totale");
    }

    @Test
    void anOrderWithoutChargesKeepsItsShippingRowAndRecordsTheVatOfEachRow() {
        amazon.addOrder(order(10));

        sync.run(SyncMode.PARTIAL);

        List<Map<String, Object>> rows = erpJdbc.queryForList("SELECT kind, vat_amount FROM erp_row ORDER BY line_no", Map.of());
        assertThat(rows).extracting(r -> r.get("kind")).containsExactly("ITEM", "ITEM", "EXPENSE", "NOTE");
        assertThat(rows.subList(0, 3)).allMatch(r -> r.get("vat_amount") != null);
        assertThat(rows.get(3).get("vat_amount")).isNull();
    }

    private static NewOrder order(int minutesAgo) {
        Instant at = Instant.now().minus(minutesAgo, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        return new NewOrder(null, null, FulfillmentStatus.UNSHIPPED, FulfilledBy.MERCHANT, null, "Ivo Iva", "ivo" + minutesAgo + "@marketplace.amazon.it",
                new SandboxAddress("Ivo Iva", "Via Roma 1", null, "Bologna", "BO", "40121", "IT", "+39 051 000000"),
                List.of(new NewOrder.Item("PONTE-MOKA-3", "Moka in alluminio 3 tazze", 2, new BigDecimal("24.50")),
                        new NewOrder.Item("PONTE-CAF-1000", "Caffè macinato miscela classica 1 kg", 1, new BigDecimal("14.90"))),
                new BigDecimal("4.90"), at, at);
    }
}
