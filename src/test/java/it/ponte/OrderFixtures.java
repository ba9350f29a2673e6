package it.ponte;

import it.ponte.sandbox.amazon.AmazonSandbox;
import it.ponte.sandbox.amazon.FulfilledBy;
import it.ponte.sandbox.amazon.FulfillmentStatus;
import it.ponte.sandbox.amazon.NewOrder;
import it.ponte.sandbox.amazon.SandboxAddress;
import it.ponte.sandbox.amazon.SandboxOrder;
import it.ponte.shop.AddressMatchKey;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Orders in the states the sync engine tests start from, made through the real paths where there is one. */
public final class OrderFixtures {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private final NamedParameterJdbcTemplate shop;
    private final NamedParameterJdbcTemplate erp;
    private final AmazonSandbox amazon;

    public OrderFixtures(NamedParameterJdbcTemplate shop, NamedParameterJdbcTemplate erp, AmazonSandbox amazon) {
        this.shop = shop;
        this.erp = erp;
        this.amazon = amazon;
    }

    /** A web order placed in the shop, in the given status (REGISTERED waits for the ERP insert). */
    public long webOrder(String status) {
        int n = SEQ.incrementAndGet();
        long customer = insert("INSERT INTO customer (email, first_name, last_name, login_name, password_hash) VALUES (:e, 'Lucia', 'Web', :e, '{noop}x')",
                new MapSqlParameterSource("e", "web" + n + "-" + System.nanoTime() + "@example.it"));
        long address = insert("""
                INSERT INTO address (customer_id, name, line1, city, postal_code, country_code, match_key)
                VALUES (:c, 'Lucia Web', 'Via Web 1', 'Firenze', '50100', 'IT', :k)""",
                new MapSqlParameterSource("c", customer).addValue("k", AddressMatchKey.of("Lucia Web", "Via Web 1", "50100", "Firenze", "IT")));
        long order = insert("""
                INSERT INTO shop_order (origin, status, customer_id, ship_address_id, order_date, items_total, shipping_total, order_total)
                VALUES ('WEB', :s, :c, :a, :d, 30.00, 5.00, 35.00)""",
                new MapSqlParameterSource("s", status).addValue("c", customer).addValue("a", address)
                        .addValue("d", Timestamp.from(Instant.now())));
        shop.update("""
                INSERT INTO order_row (order_id, line_no, sku, title, quantity, unit_price, row_total)
                VALUES (:o, 1, 'PONTE-MOKA-3', 'Moka in alluminio 3 tazze', 1, 30.00, 30.00)""", Map.of("o", order));
        return order;
    }

    /** An Amazon order of account it-main, put into the sandbox in the past so the next poll imports it. */
    public SandboxOrder amazonOrder() {
        return amazonOrder(Instant.now().minus(15, ChronoUnit.MINUTES));
    }

    /**
     * An Amazon order of account it-main created and last updated at {@code at}: after an earlier poll, a few minutes
     * ago (inside the next window: after the watermark less the overlap, before the end Amazon's 2-minute rule allows).
     */
    public SandboxOrder amazonOrder(Instant created) {
        int n = SEQ.incrementAndGet();
        Instant at = created.truncatedTo(ChronoUnit.SECONDS);
        return amazon.addOrder(new NewOrder(null, null, FulfillmentStatus.UNSHIPPED, FulfilledBy.MERCHANT, null, "Rita Amazon",
                "rita" + n + "x" + System.nanoTime() + "@marketplace.amazon.it",
                new SandboxAddress("Rita Amazon", "Via Amazon " + n, null, "Genova", "GE", "16121", "IT", null),
                List.of(new NewOrder.Item("PONTE-MOKA-3", "Moka in alluminio 3 tazze", 2, new BigDecimal("24.50")),
                        new NewOrder.Item("PONTE-CAF-1000", "Caffè macinato miscela classica 1 kg", 1, new BigDecimal("14.90"))),
                new BigDecimal("4.90"), at, at));
    }

    public long shopId(String amazonOrderId) {
        return shop.queryForObject("SELECT id FROM shop_order WHERE amazon_order_id = :id", Map.of("id", amazonOrderId), Long.class);
    }

    public Map<String, Object> order(long shopOrderId) {
        return shop.queryForMap("SELECT * FROM shop_order WHERE id = :id", Map.of("id", shopOrderId));
    }

    public long documentOf(long shopOrderId) {
        String ref = shop.queryForObject("SELECT erp_ref FROM shop_order WHERE id = :id", Map.of("id", shopOrderId), String.class);
        return erp.queryForObject("SELECT id FROM erp_document WHERE idempotency_ref = :r", Map.of("r", ref), Long.class);
    }

    /** The accountant cancels the document: a cancel reason in the header, every row at 'N'. */
    public void cancelInErp(long documentId, String reasonCode) {
        erp.update("UPDATE erp_document SET cancel_reason_code = :r WHERE id = :id", Map.of("r", reasonCode, "id", documentId));
        erp.update("UPDATE erp_row SET fulfil = 'N' WHERE document_id = :id", Map.of("id", documentId));
    }

    public void erpStatus(long documentId, String status) {
        erp.update("UPDATE erp_document SET status = :s WHERE id = :id", Map.of("s", status, "id", documentId));
    }

    public void shippingInErp(long documentId, String carrier, Instant start, String tracking) {
        erp.update("UPDATE erp_document SET carrier = :c, transport_start = :t, tracking_number = :n WHERE id = :id",
                new MapSqlParameterSource("c", carrier).addValue("t", Timestamp.from(start)).addValue("n", tracking).addValue("id", documentId));
    }

    private long insert(String sql, MapSqlParameterSource params) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        shop.update(sql, params, key, new String[] {"id"});
        return key.getKey().longValue();
    }
}
