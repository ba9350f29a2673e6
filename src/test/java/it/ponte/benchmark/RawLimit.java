package it.ponte.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.ponte.sandbox.amazon.SandboxAmazonHttp;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What this machine can do for the same work as a PARTIAL run, without Ponte: the same searchOrders pages fetched by a
 * plain HTTP client from the same sandbox, and the same rows (shop order + rows, ERP document + rows) written by plain
 * batched JDBC into the same MariaDB server, one transaction per page. The benchmark prints Ponte beside it.
 */
record RawLimit(double fetchSeconds, double writeSeconds) {

    private static final ObjectMapper JSON = new ObjectMapper();

    double total() {
        return fetchSeconds + writeSeconds;
    }

    static RawLimit measure(String baseUrl, JdbcTemplate jdbc, int expectedOrders) {
        SandboxAmazonHttp http = new SandboxAmazonHttp(baseUrl);
        String token = http.mainToken();
        long start = System.nanoTime();
        // each page's rows kept as it comes (not the pages themselves: the benchmark's heap figure is Ponte's)
        List<Object[]> heads = new ArrayList<>();
        Map<String, List<Object[]>> rows = new LinkedHashMap<>();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("lastUpdatedAfter", Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
        params.put("lastUpdatedBefore", Instant.now().minus(3, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString());
        params.put("marketplaceIds", "APJ6JRA9NG5V4");
        params.put("maxResultsPerPage", "100");
        params.put("includedData", "BUYER,RECIPIENT,PROCEEDS,FULFILLMENT");
        while (true) {
            HttpResponse<String> page = http.searchOrders(token, params);
            if (page.statusCode() != 200) {
                throw new IllegalStateException("raw limit: searchOrders answered " + page.statusCode() + ": " + page.body());
            }
            JsonNode body = read(page.body());
            for (JsonNode o : body.path("orders")) {
                String id = o.path("orderId").asText();
                heads.add(new Object[] {id, o.path("buyer").path("buyerEmail").asText(), o.path("buyer").path("buyerName").asText()});
                List<Object[]> own = rows.computeIfAbsent(id, k -> new ArrayList<>());
                for (JsonNode item : o.path("orderItems")) {
                    own.add(new Object[] {id, item.path("product").path("sellerSku").asText("SKU"), item.path("quantityOrdered").asInt(1)});
                }
                while (own.size() < 2) {
                    own.add(new Object[] {id, "SKU", 1});
                }
            }
            String next = body.path("pagination").path("nextToken").asText("");
            if (next.isEmpty()) {
                break;
            }
            params.put("paginationToken", next);
        }
        double fetch = (System.nanoTime() - start) / 1e9;

        long[] nanos = new long[1];
        jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) c -> {
            try (java.sql.Statement ddl = c.createStatement()) {
                ddl.execute("CREATE TEMPORARY TABLE raw_order (id BIGINT AUTO_INCREMENT PRIMARY KEY, amazon_order_id VARCHAR(40), "
                        + "email VARCHAR(200), name VARCHAR(200), UNIQUE KEY (amazon_order_id))");
                ddl.execute("CREATE TEMPORARY TABLE raw_row (id BIGINT AUTO_INCREMENT PRIMARY KEY, amazon_order_id VARCHAR(40), sku VARCHAR(60), quantity INT)");
                ddl.execute("CREATE TEMPORARY TABLE raw_document (id BIGINT AUTO_INCREMENT PRIMARY KEY, ref VARCHAR(40), email VARCHAR(200), name VARCHAR(200))");
                ddl.execute("CREATE TEMPORARY TABLE raw_document_row (id BIGINT AUTO_INCREMENT PRIMARY KEY, ref VARCHAR(40), sku VARCHAR(60), quantity INT)");
            }
            long t0 = System.nanoTime();
            c.setAutoCommit(false);
            for (int from = 0; from < heads.size(); from += 100) {
                int to = Math.min(heads.size(), from + 100);
                batch(c, "INSERT INTO raw_order (amazon_order_id, email, name) VALUES (?, ?, ?)", heads.subList(from, to));
                batch(c, "INSERT INTO raw_document (ref, email, name) VALUES (?, ?, ?)", heads.subList(from, to));
                List<Object[]> pageRows = new ArrayList<>();
                heads.subList(from, to).forEach(h -> pageRows.addAll(rows.get((String) h[0])));
                batch(c, "INSERT INTO raw_row (amazon_order_id, sku, quantity) VALUES (?, ?, ?)", pageRows);
                batch(c, "INSERT INTO raw_document_row (ref, sku, quantity) VALUES (?, ?, ?)", pageRows);
                c.commit();
            }
            nanos[0] = System.nanoTime() - t0;
            c.setAutoCommit(true);
            try (java.sql.Statement ddl = c.createStatement()) {
                ddl.execute("DROP TEMPORARY TABLE raw_order, raw_row, raw_document, raw_document_row");
            }
            return null;
        });
        double write = nanos[0] / 1e9;
        if (heads.size() < expectedOrders) {
            System.out.printf("raw limit: fetched %d of %d orders%n", heads.size(), expectedOrders);
        }
        return new RawLimit(fetch, write);
    }

    private static void batch(java.sql.Connection c, String sql, List<Object[]> rows) throws java.sql.SQLException {
        try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    ps.setObject(i + 1, row[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
