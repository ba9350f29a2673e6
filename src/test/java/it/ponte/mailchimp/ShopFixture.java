package it.ponte.mailchimp;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** Shop rows the Mailchimp tests need, inserted with bound parameters. */
final class ShopFixture {

    private final NamedParameterJdbcTemplate jdbc;

    ShopFixture(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long customer(String email, boolean consent, boolean registered) {
        return insert("""
                INSERT INTO customer (email, first_name, last_name, login_name, password_hash, marketing_consent)
                VALUES (:email, 'Mario', 'Rossi', :login, :password, :consent)""",
                new MapSqlParameterSource("email", email).addValue("consent", consent)
                        .addValue("login", registered ? email : null).addValue("password", registered ? "{noop}secret" : null));
    }

    long product(String sku, String price) {
        return insert("INSERT INTO product (sku, title, price) VALUES (:sku, :title, :price)",
                new MapSqlParameterSource("sku", sku).addValue("title", "Articolo " + sku).addValue("price", new BigDecimal(price)));
    }

    long variant(long productId, String sku, String price) {
        return insert("INSERT INTO product_variant (product_id, sku, title, price, stock) VALUES (:product, :sku, :title, :price, 5)",
                new MapSqlParameterSource("product", productId).addValue("sku", sku).addValue("title", "Variante " + sku)
                        .addValue("price", new BigDecimal(price)));
    }

    long order(long customerId, String status, String currency) {
        return insert("""
                INSERT INTO shop_order (origin, status, customer_id, order_date, currency, items_total, shipping_total, order_total)
                VALUES ('WEB', :status, :customer, :date, :currency, 20.00, 5.00, 25.00)""",
                new MapSqlParameterSource("status", status).addValue("customer", customerId).addValue("currency", currency)
                        .addValue("date", Timestamp.from(Instant.now())));
    }

    long order(long customerId, String status) {
        return order(customerId, status, "EUR");
    }

    void orderRow(long orderId, int lineNo, String sku, int quantity, String price) {
        BigDecimal unit = new BigDecimal(price);
        insert("""
                INSERT INTO order_row (order_id, line_no, sku, title, quantity, unit_price, row_total)
                VALUES (:order, :line, :sku, :sku, :quantity, :unit, :total)""",
                new MapSqlParameterSource("order", orderId).addValue("line", lineNo).addValue("sku", sku).addValue("quantity", quantity)
                        .addValue("unit", unit).addValue("total", unit.multiply(BigDecimal.valueOf(quantity))));
    }

    void orderStatus(long orderId, String status) {
        jdbc.update("UPDATE shop_order SET status = :status, updated_at = CURRENT_TIMESTAMP(3) WHERE id = :id",
                new MapSqlParameterSource("status", status).addValue("id", orderId));
    }

    long cart(Long customerId) {
        return insert("INSERT INTO cart (customer_id, session_id, status) VALUES (:customer, 'sess', 'OPEN')",
                new MapSqlParameterSource("customer", customerId));
    }

    void cartRow(long cartId, String sku, int quantity, String price) {
        insert("INSERT INTO cart_row (cart_id, sku, quantity, unit_price) VALUES (:cart, :sku, :quantity, :price)",
                new MapSqlParameterSource("cart", cartId).addValue("sku", sku).addValue("quantity", quantity).addValue("price", new BigDecimal(price)));
    }

    void cartConverted(long cartId, long orderId) {
        jdbc.update("UPDATE cart SET status = 'CONVERTED', order_id = :order WHERE id = :id",
                new MapSqlParameterSource("order", orderId).addValue("id", cartId));
    }

    void setting(String name, String value) {
        jdbc.update("INSERT INTO setting (name, value) VALUES (:name, :value) ON DUPLICATE KEY UPDATE value = VALUES(value)",
                new MapSqlParameterSource("name", name).addValue("value", value));
    }

    String outboxStatus(String entity, long id) {
        return jdbc.queryForObject("SELECT status FROM mailchimp_outbox WHERE entity = :entity AND entity_id = :id",
                new MapSqlParameterSource("entity", entity).addValue("id", id), String.class);
    }

    int outboxAttempts(String entity, long id) {
        return jdbc.queryForObject("SELECT attempts FROM mailchimp_outbox WHERE entity = :entity AND entity_id = :id",
                new MapSqlParameterSource("entity", entity).addValue("id", id), Integer.class);
    }

    private long insert(String sql, MapSqlParameterSource params) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(sql, params, keys, new String[] {"id"});
        return keys.getKey().longValue();
    }
}
