package it.ponte.amazon;

import jakarta.annotation.PostConstruct;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The configured Amazon accounts, mirrored into the shop database (without secrets) so the shop and its
 * console see the same settings, and the keeper of each account's import watermark.
 */
@Component
public class AmazonAccounts {

    private final AmazonProperties properties;
    private final NamedParameterJdbcTemplate shop;

    public AmazonAccounts(AmazonProperties properties, @Qualifier("shopJdbc") NamedParameterJdbcTemplate shop) {
        this.properties = properties;
        this.shop = shop;
    }

    @PostConstruct
    void mirror() {
        for (AmazonProperties.Account a : properties.accounts()) {
            shop.update("""
                    INSERT INTO amazon_account (id, name, region, endpoint, seller_id, marketplaces, create_orders, import_statuses,
                                                order_series, customer_ledger, shipping_expense_item, schedule)
                    VALUES (:id, :name, :region, :endpoint, :sellerId, :marketplaces, :createOrders, :importStatuses,
                            :orderSeries, :customerLedger, :expenseItem, :schedule)
                    ON DUPLICATE KEY UPDATE name = VALUES(name), region = VALUES(region), endpoint = VALUES(endpoint),
                        seller_id = VALUES(seller_id), marketplaces = VALUES(marketplaces), create_orders = VALUES(create_orders),
                        import_statuses = VALUES(import_statuses), order_series = VALUES(order_series),
                        customer_ledger = VALUES(customer_ledger), shipping_expense_item = VALUES(shipping_expense_item),
                        schedule = VALUES(schedule)
                    """, new MapSqlParameterSource()
                    .addValue("id", a.id()).addValue("name", a.name()).addValue("region", a.region())
                    .addValue("endpoint", a.endpoint()).addValue("sellerId", a.sellerId())
                    .addValue("marketplaces", String.join(",", a.marketplaces())).addValue("createOrders", a.createOrders())
                    .addValue("importStatuses", String.join(",", a.importStatuses())).addValue("orderSeries", a.orderSeries())
                    .addValue("customerLedger", a.customerLedger()).addValue("expenseItem", a.shippingExpenseItem())
                    .addValue("schedule", a.schedule()));
        }
    }

    public List<AmazonProperties.Account> all() {
        return properties.accounts();
    }

    /** Accounts with "Creare ordini in Passweb" on: the only ones whose orders are imported. */
    public List<AmazonProperties.Account> importing() {
        return properties.accounts().stream().filter(AmazonProperties.Account::createOrders).toList();
    }

    public Optional<AmazonProperties.Account> find(String id) {
        return Optional.ofNullable(properties.account(id));
    }

    public Optional<Instant> watermark(String accountId) {
        List<Timestamp> rows = shop.queryForList("SELECT watermark FROM amazon_account WHERE id = :id",
                Map.of("id", accountId), Timestamp.class);
        return rows.isEmpty() || rows.get(0) == null ? Optional.empty() : Optional.of(rows.get(0).toInstant());
    }

    /** Moves the watermark forward only: a slower node finishing an older window never moves it back. */
    public void advanceWatermark(String accountId, Instant to) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("id", accountId).addValue("to", Timestamp.from(to));
        String sql = "UPDATE amazon_account SET watermark = :to WHERE id = :id AND (watermark IS NULL OR watermark < :to)";
        if (shop.update(sql, params) == 0 && watermarkRowMissing(accountId)) {
            // Someone removed the account's row from the shop: mirror the configuration again rather than lose the watermark.
            mirror();
            shop.update(sql, params);
        }
    }

    private boolean watermarkRowMissing(String accountId) {
        Integer rows = shop.queryForObject("SELECT COUNT(*) FROM amazon_account WHERE id = :id", Map.of("id", accountId), Integer.class);
        return rows == null || rows == 0;
    }
}
