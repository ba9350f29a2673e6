package it.ponte.mailchimp;

import static org.assertj.core.api.Assertions.assertThat;

import it.ponte.SyncTestBase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a CHANGED run owes Mailchimp is read by updated_at (customers, orders, open carts changed since the previous
 * run). With thousands of records of which two changed, each read finds the two and reads about as many rows, not the
 * whole table: a CHANGED run with nothing to do costs the same however large the shop (issue 9's P3). The rows read are
 * the server's own count (Handler_read_*, all its clients: the margin leaves room for the others).
 */
class ChangedSinceReadsTest extends SyncTestBase {

    private static final int RECORDS = 3000;
    private static final long AT_MOST_ROWS = 300;

    @Autowired
    private MailchimpShopReader reader;

    @Test
    void changedSinceReadsOnlyWhatChanged() {
        Instant old = Instant.now().minus(1, ChronoUnit.DAYS);
        List<Map<String, Object>> customers = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            customers.add(Map.of("email", "scan" + i + "@example.it", "at", java.sql.Timestamp.from(old)));
        }
        shopJdbc.batchUpdate("INSERT INTO customer (email, origin, created_at, updated_at) VALUES (:email, 'WEB', :at, :at)",
                customers.stream().map(org.springframework.jdbc.core.namedparam.MapSqlParameterSource::new)
                        .toArray(org.springframework.jdbc.core.namedparam.SqlParameterSource[]::new));
        shopJdbc.getJdbcTemplate().update("""
                INSERT INTO shop_order (origin, status, customer_id, order_date, created_at, updated_at)
                SELECT 'WEB', 'STORED', id, created_at, created_at, created_at FROM customer WHERE email LIKE 'scan%'""");
        shopJdbc.getJdbcTemplate().update("""
                INSERT INTO cart (customer_id, status, created_at, updated_at)
                SELECT id, 'OPEN', created_at, created_at FROM customer WHERE email LIKE 'scan%'""");
        shopJdbc.getJdbcTemplate().update("INSERT INTO cart_row (cart_id, sku, quantity, unit_price) SELECT id, 'PONTE-MOKA-3', 1, 24.50 FROM cart");
        shopJdbc.getJdbcTemplate().execute("ANALYZE TABLE customer, shop_order, cart");
        Instant since = Instant.now().minus(1, ChronoUnit.HOURS);
        List<Long> changedCustomers = shopJdbc.getJdbcTemplate().queryForList(
                "SELECT id FROM customer WHERE email IN ('scan7@example.it', 'scan2500@example.it') ORDER BY id", Long.class);
        shopJdbc.update("UPDATE customer SET first_name = 'Cambiato' WHERE id IN (:ids)", Map.of("ids", changedCustomers));
        shopJdbc.update("UPDATE shop_order SET status = 'DELIVERED' WHERE customer_id IN (:ids)", Map.of("ids", changedCustomers));
        shopJdbc.update("UPDATE cart SET session_id = 's' WHERE customer_id IN (:ids)", Map.of("ids", changedCustomers));

        assertThat(rowsRead(() -> reader.customerIds(since))).satisfies(r -> {
            assertThat(r.result()).isEqualTo(changedCustomers);
            assertThat(r.rows()).as("rows read for the customers changed").isLessThan(AT_MOST_ROWS);
        });
        assertThat(rowsRead(() -> reader.orderIdsChangedSince(since))).satisfies(r -> {
            assertThat(r.result()).hasSize(2);
            assertThat(r.rows()).as("rows read for the orders changed").isLessThan(AT_MOST_ROWS);
        });
        assertThat(rowsRead(() -> reader.openCartIds(since))).satisfies(r -> {
            assertThat(r.result()).hasSize(2);
            assertThat(r.rows()).as("rows read for the carts changed").isLessThan(AT_MOST_ROWS);
        });
    }

    private record Read(List<Long> result, long rows) {
    }

    private Read rowsRead(Supplier<List<Long>> read) {
        long before = handlerReads();
        List<Long> result = read.get();
        return new Read(result, handlerReads() - before);
    }

    private long handlerReads() {
        return shopJdbc.getJdbcTemplate().query("SHOW GLOBAL STATUS WHERE Variable_name IN ('Handler_read_rnd_next', 'Handler_read_next', "
                + "'Handler_read_prev', 'Handler_read_first', 'Handler_read_last', 'Handler_read_key')", rs -> {
            long rows = 0;
            while (rs.next()) {
                rows += rs.getLong(2);
            }
            return rows;
        });
    }
}
