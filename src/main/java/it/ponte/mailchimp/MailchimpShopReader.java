package it.ponte.mailchimp;

import it.ponte.mailchimp.ShopRecords.LineTarget;
import it.ponte.mailchimp.ShopRecords.ShopAddress;
import it.ponte.mailchimp.ShopRecords.ShopCart;
import it.ponte.mailchimp.ShopRecords.ShopCartRow;
import it.ponte.mailchimp.ShopRecords.ShopCustomer;
import it.ponte.mailchimp.ShopRecords.ShopOrder;
import it.ponte.mailchimp.ShopRecords.ShopOrderRow;
import it.ponte.mailchimp.ShopRecords.ShopProduct;
import it.ponte.mailchimp.ShopRecords.ShopVariant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads what the Mailchimp sync needs from the shop database: which records a run must consider, and each record
 * in full. All SQL binds its parameters.
 */
@Repository
public class MailchimpShopReader {

    /** Orders inserted into the ERP: the only ones Mailchimp ever sees (never PAYMENT_UNCONFIRMED or REGISTERED). */
    public static final Set<String> ERP_STATUSES = Set.of("STORED", "DELIVERED", "INVOICED", "CANCELLED");

    private final NamedParameterJdbcTemplate jdbc;

    public MailchimpShopReader(@Qualifier("shopJdbc") NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // --- which records a run considers (since == null: all) ------------------------------------------------------

    public List<Long> customerIds(Instant since) {
        return ids("SELECT id FROM customer WHERE (:since IS NULL OR updated_at > :since) ORDER BY id", since);
    }

    public List<Long> productIds(Instant since) {
        return ids("""
                SELECT p.id FROM product p WHERE (:since IS NULL OR p.updated_at > :since
                    OR EXISTS (SELECT 1 FROM product_variant v WHERE v.product_id = p.id AND v.updated_at > :since))
                ORDER BY p.id""", since);
    }

    /** Orders in the ERP changed since the instant. */
    public List<Long> orderIdsChangedSince(Instant since) {
        return ids("SELECT id FROM shop_order WHERE status IN (:statuses) AND (:since IS NULL OR updated_at > :since) ORDER BY id", since);
    }

    /** Orders in the ERP placed since the instant: the history backfill. */
    public List<Long> orderIdsPlacedSince(Instant since) {
        return ids("SELECT id FROM shop_order WHERE status IN (:statuses) AND (:since IS NULL OR order_date >= :since) ORDER BY id", since);
    }

    /** Open carts with something in them, changed since the instant. */
    public List<Long> openCartIds(Instant since) {
        return ids("""
                SELECT c.id FROM cart c WHERE c.status = 'OPEN' AND c.order_id IS NULL
                    AND EXISTS (SELECT 1 FROM cart_row r WHERE r.cart_id = c.id)
                    AND (:since IS NULL OR c.updated_at > :since) ORDER BY c.id""", since);
    }

    /** Carts that became orders (or were emptied) while the store of {@code storeKey} still holds them. */
    public List<Long> cartIdsToDelete(String storeKey) {
        return jdbc.queryForList("""
                SELECT c.id FROM cart c JOIN mailchimp_sync s ON s.entity = 'CART' AND s.entity_id = c.id AND s.deleted = FALSE
                    AND s.store_key = :key
                WHERE c.status <> 'OPEN' OR c.order_id IS NOT NULL
                   OR NOT EXISTS (SELECT 1 FROM cart_row r WHERE r.cart_id = c.id)
                ORDER BY c.id""", new MapSqlParameterSource("key", storeKey), Long.class);
    }

    // --- records in full -------------------------------------------------------------------------------------------

    public Optional<ShopCustomer> customer(long id) {
        // the address in the same statement: a query inside the row mapper would ask the pool for a second connection
        // while holding the first, and writers in parallel would exhaust the pool waiting for each other
        return jdbc.query("""
                SELECT c.*, """ + ADDRESS_COLUMNS + """
                FROM customer c LEFT JOIN address a ON a.id = (SELECT MIN(f.id) FROM address f WHERE f.customer_id = c.id)
                WHERE c.id = :id""", Map.of("id", id), (rs, i) -> new ShopCustomer(rs.getLong("id"), rs.getString("email"),
                rs.getString("first_name"), rs.getString("last_name"), rs.getString("company"),
                // registered: the customer can log in (has credentials), as the seed's "utenti registrati"
                rs.getString("login_name") != null && rs.getString("password_hash") != null,
                rs.getBoolean("marketing_consent"), address(rs))).stream().findFirst();
    }

    public Optional<ShopProduct> product(long id) {
        List<ShopVariant> variants = jdbc.query("SELECT * FROM product_variant WHERE product_id = :id ORDER BY id", Map.of("id", id),
                (rs, i) -> new ShopVariant(rs.getLong("id"), rs.getString("sku"), rs.getString("title"), rs.getBigDecimal("price"), rs.getInt("stock")));
        return jdbc.query("SELECT * FROM product WHERE id = :id", Map.of("id", id), (rs, i) -> new ShopProduct(rs.getLong("id"),
                rs.getString("sku"), rs.getString("title"), rs.getString("description"), rs.getBigDecimal("price"), rs.getString("url"),
                rs.getString("image_url"), rs.getString("vendor"), variants)).stream().findFirst();
    }

    public Optional<ShopOrder> order(long id) {
        List<ShopOrderRow> rows = jdbc.query("SELECT * FROM order_row WHERE order_id = :id ORDER BY line_no", Map.of("id", id),
                (rs, i) -> new ShopOrderRow(rs.getLong("id"), rs.getInt("line_no"), rs.getString("sku"), rs.getInt("quantity"),
                        rs.getBigDecimal("unit_price"), rs.getObject("product_id", Long.class)));
        return jdbc.query("SELECT o.*, " + ADDRESS_COLUMNS + " FROM shop_order o LEFT JOIN address a ON a.id = o.ship_address_id WHERE o.id = :id",
                Map.of("id", id), (rs, i) -> new ShopOrder(rs.getLong("id"),
                rs.getString("status"), rs.getLong("customer_id"), instant(rs, "order_date"), rs.getString("currency"),
                rs.getBigDecimal("shipping_total"), rs.getBigDecimal("order_total"), rs.getString("carrier"),
                rs.getString("tracking_number"), instant(rs, "updated_at"), address(rs), rows,
                instant(rs, "erp_cancelled_at")))
                .stream().findFirst();
    }

    public Optional<ShopCart> cart(long id) {
        List<ShopCartRow> rows = jdbc.query("SELECT * FROM cart_row WHERE cart_id = :id ORDER BY id", Map.of("id", id),
                (rs, i) -> new ShopCartRow(rs.getLong("id"), rs.getString("sku"), rs.getInt("quantity"), rs.getBigDecimal("unit_price")));
        return jdbc.query("SELECT * FROM cart WHERE id = :id", Map.of("id", id), (rs, i) -> new ShopCart(rs.getLong("id"),
                rs.getObject("customer_id", Long.class), rs.getString("status"), rs.getObject("order_id", Long.class),
                instant(rs, "updated_at"), rows)).stream().findFirst();
    }

    /**
     * The Mailchimp product and variant of a row: a variant's SKU names that variant; a product's SKU (or the row's
     * product id) names its first variant, or the product itself when it has none (Mailchimp wants one variant).
     */
    public Optional<LineTarget> lineTarget(String sku, Long productId) {
        List<LineTarget> byVariant = jdbc.query("SELECT product_id, id FROM product_variant WHERE sku = :sku",
                Map.of("sku", sku), (rs, i) -> new LineTarget(rs.getLong("product_id"), String.valueOf(rs.getLong("id"))));
        if (!byVariant.isEmpty()) {
            return Optional.of(byVariant.get(0));
        }
        MapSqlParameterSource params = new MapSqlParameterSource("sku", sku).addValue("productId", productId);
        return jdbc.query("""
                SELECT p.id, (SELECT MIN(v.id) FROM product_variant v WHERE v.product_id = p.id) AS first_variant
                FROM product p WHERE p.sku = :sku OR p.id = :productId ORDER BY p.sku = :sku DESC LIMIT 1""", params,
                (rs, i) -> {
                    Long first = rs.getObject("first_variant", Long.class);
                    return new LineTarget(rs.getLong("id"), String.valueOf(first == null ? rs.getLong("id") : first));
                }).stream().findFirst();
    }

    /** The address columns a record's statement joins in (alias {@code a}), read by {@link #address(ResultSet)}. */
    private static final String ADDRESS_COLUMNS = "a.id AS a_id, a.line1 AS a_line1, a.line2 AS a_line2, a.city AS a_city, "
            + "a.province AS a_province, a.postal_code AS a_postal_code, a.country_code AS a_country_code ";

    private static ShopAddress address(ResultSet rs) throws SQLException {
        if (rs.getObject("a_id") == null) {
            return null;
        }
        return new ShopAddress(rs.getString("a_line1"), rs.getString("a_line2"), rs.getString("a_city"), rs.getString("a_province"),
                rs.getString("a_postal_code"), rs.getString("a_country_code"));
    }

    private List<Long> ids(String sql, Instant since) {
        MapSqlParameterSource params = new MapSqlParameterSource("since", since == null ? null : Timestamp.from(since))
                .addValue("statuses", ERP_STATUSES);
        return jdbc.queryForList(sql, params, Long.class);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
