package it.ponte.reliability;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What Ponte still owes after a workload, by kind (only the kinds with something owed): the tests that repeat runs
 * until nothing is owed (faults, malformed answers) stop on an empty summary and print it when they do not converge.
 */
final class OwedRecords {

    private OwedRecords() {
    }

    static Map<String, Integer> summary(JdbcTemplate shop, int amazonOrdersPlaced) {
        Map<String, Integer> owed = new LinkedHashMap<>();
        put(owed, "amazon orders not in the shop",
                amazonOrdersPlaced - count(shop, "SELECT COUNT(DISTINCT amazon_order_id) FROM shop_order WHERE origin = 'AMAZON'"));
        put(owed, "amazon orders held", count(shop, "SELECT COUNT(*) FROM amazon_order_hold"));
        put(owed, "orders not in the ERP", count(shop, "SELECT COUNT(*) FROM shop_order WHERE status IN ('REGISTERED')"));
        put(owed, "amazon commands owed", count(shop, "SELECT COUNT(*) FROM amazon_outbox WHERE status IN ('PENDING', 'SENT')"));
        put(owed, "amazon commands parked", count(shop, "SELECT COUNT(*) FROM amazon_outbox WHERE status = 'PARKED'"));
        put(owed, "amazon orders pending at Amazon", count(shop, "SELECT COUNT(*) FROM shop_order WHERE amazon_state LIKE 'PENDING%'"));
        put(owed, "mailchimp writes owed", count(shop, "SELECT COUNT(*) FROM mailchimp_outbox WHERE status = 'PENDING'"));
        put(owed, "mailchimp writes parked", count(shop, "SELECT COUNT(*) FROM mailchimp_outbox WHERE status = 'PARKED'"));
        return owed;
    }

    private static int count(JdbcTemplate shop, String sql) {
        return shop.queryForObject(sql, Integer.class);
    }

    private static void put(Map<String, Integer> owed, String what, int n) {
        if (n != 0) {
            owed.put(what, n);
        }
    }
}
