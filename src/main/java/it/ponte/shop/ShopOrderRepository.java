package it.ponte.shop;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/** Shop orders and their rows: one place for their SQL. */
@Repository
public class ShopOrderRepository {

    private static final RowMapper<ShopOrder.OrderRow> ROW = (rs, i) -> new ShopOrder.OrderRow(rs.getInt("line_no"),
            rs.getString("sku"), rs.getString("title"), rs.getInt("quantity"), rs.getBigDecimal("unit_price"),
            rs.getBigDecimal("row_total"), (Long) rs.getObject("product_id", Long.class), rs.getString("amazon_order_item_id"));

    private final NamedParameterJdbcTemplate shop;

    public ShopOrderRepository(@Qualifier("shopJdbc") NamedParameterJdbcTemplate shop) {
        this.shop = shop;
    }

    /** What the import needs to know of an Amazon order it may have stored already. */
    public record AmazonOrderMark(long id, Instant amazonLastUpdated, String amazonStatus) {
    }

    public Optional<AmazonOrderMark> findAmazon(String accountId, String amazonOrderId) {
        return shop.query("""
                SELECT id, amazon_last_updated, amazon_status FROM shop_order
                WHERE amazon_account_id = :account AND amazon_order_id = :orderId
                """, Map.of("account", accountId, "orderId", amazonOrderId),
                (rs, i) -> new AmazonOrderMark(rs.getLong("id"), instant(rs, "amazon_last_updated"), rs.getString("amazon_status")))
                .stream().findFirst();
    }

    /** Inserts the order header and its rows (callers hold a transaction); the unique keys refuse a second copy. */
    public long insert(ShopOrder order) {
        long[] id = {-1};
        it.ponte.db.MultiRowInsert.returning(shop.getJdbcOperations(), HEADER_HEAD,
                List.<Object[]>of(headerValues(order)), "id", (ResultSet rs) -> {
                    id[0] = rs.getLong("id");
                });
        ROW_BATCH.execute(shop.getJdbcOperations(), order.rows().stream().map(r -> rowValues(id[0], r)).toList());
        return id[0];
    }

    /** What the import knows of these orders of one account, by Amazon order id, in one query. */
    public Map<String, AmazonOrderMark> findAmazon(String accountId, java.util.Collection<String> amazonOrderIds) {
        Map<String, AmazonOrderMark> found = new java.util.HashMap<>();
        if (amazonOrderIds.isEmpty()) {
            return found;
        }
        shop.query("""
                SELECT id, amazon_order_id, amazon_last_updated, amazon_status FROM shop_order
                WHERE amazon_account_id = :account AND amazon_order_id IN (:orderIds)
                """, Map.of("account", accountId, "orderIds", amazonOrderIds), (ResultSet rs) -> {
            found.put(rs.getString("amazon_order_id"),
                    new AmazonOrderMark(rs.getLong("id"), instant(rs, "amazon_last_updated"), rs.getString("amazon_status")));
        });
        return found;
    }

    /**
     * As {@link #findAmazon(String, java.util.Collection)}, and in the same query which of these orders Amazon import
     * holds ({@code amazon_order_hold}) are added to {@code held}: the import releases only those, instead of a
     * statement for every page.
     */
    public Map<String, AmazonOrderMark> findAmazon(String accountId, java.util.Collection<String> amazonOrderIds, java.util.Set<String> held) {
        Map<String, AmazonOrderMark> found = new java.util.HashMap<>();
        if (amazonOrderIds.isEmpty()) {
            return found;
        }
        shop.query("""
                SELECT 0 AS held, id, amazon_order_id, amazon_last_updated, amazon_status FROM shop_order
                WHERE amazon_account_id = :account AND amazon_order_id IN (:orderIds)
                UNION ALL
                SELECT 1, NULL, amazon_order_id, NULL, NULL FROM amazon_order_hold
                WHERE amazon_account_id = :account AND amazon_order_id IN (:orderIds)
                """, Map.of("account", accountId, "orderIds", amazonOrderIds), (ResultSet rs) -> {
            if (rs.getInt("held") == 1) {
                held.add(rs.getString("amazon_order_id"));
            } else {
                found.put(rs.getString("amazon_order_id"),
                        new AmazonOrderMark(rs.getLong("id"), instant(rs, "amazon_last_updated"), rs.getString("amazon_status")));
            }
        });
        return found;
    }

    /**
     * Inserts these orders of one Amazon account and their rows (callers hold a transaction): the headers in one
     * multi-row statement that answers their ids ({@code RETURNING}), the rows in one statement batch. The unique keys
     * refuse a second copy and fail the statement. Returns the new ids in the orders' order.
     */
    public List<Long> insertAll(String accountId, List<ShopOrder> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        Map<String, Long> ids = new java.util.HashMap<>();
        it.ponte.db.MultiRowInsert.returning(shop.getJdbcOperations(), HEADER_HEAD,
                batch.stream().map(ShopOrderRepository::headerValues).toList(), "id, amazon_order_id", (ResultSet rs) -> {
            ids.put(rs.getString("amazon_order_id"), rs.getLong("id"));
        });
        List<Long> inserted = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (ShopOrder order : batch) {
            long id = ids.get(order.amazonOrderId());
            inserted.add(id);
            order.rows().forEach(r -> rows.add(rowValues(id, r)));
        }
        ROW_BATCH.execute(shop.getJdbcOperations(), rows);
        return inserted;
    }

    /** New Amazon status and update time of stored orders, one statement batch: {id, status, lastUpdated} each. */
    public void updateAmazonStatuses(List<Object[]> updates) {
        if (updates.isEmpty()) {
            return;
        }
        shop.batchUpdate("UPDATE shop_order SET amazon_status = :status, amazon_last_updated = :lastUpdated WHERE id = :id",
                updates.stream().map(u -> new MapSqlParameterSource().addValue("id", u[0]).addValue("status", u[1])
                        .addValue("lastUpdated", u[2] == null ? null : Timestamp.from((Instant) u[2]))).toArray(SqlParameterSource[]::new));
    }

    /** These orders with their rows, by id, in two queries. */
    public Map<Long, ShopOrder> findAll(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, ShopOrder> found = new java.util.LinkedHashMap<>();
        withRows(shop.query("SELECT * FROM shop_order WHERE id IN (:ids) ORDER BY id", Map.of("ids", ids), this::header))
                .forEach(o -> found.put(o.id(), o));
        return found;
    }

    /** The ERP document numbers ("series/number") of these orders, those that have one, a thousand ids per query. */
    public Map<Long, String> erpDocumentNumbers(java.util.Collection<Long> ids) {
        Map<Long, String> found = new java.util.HashMap<>();
        List<Long> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += 1000) {
            shop.query("SELECT id, erp_series, erp_number FROM shop_order WHERE id IN (:ids) AND erp_number IS NOT NULL",
                    Map.of("ids", all.subList(from, Math.min(all.size(), from + 1000))), (ResultSet rs) -> {
                        found.put(rs.getLong("id"), rs.getString("erp_series") + "/" + rs.getInt("erp_number"));
                    });
        }
        return found;
    }

    /**
     * The document each REGISTERED order got, in one statement for the whole batch (the marks travel as one bound JSON
     * array); only a REGISTERED order moves, so a repeated call changes nothing. Returns how many moved.
     */
    public int markStoredAll(List<StoredMark> marks) {
        if (marks.isEmpty()) {
            return 0;
        }
        List<Map<String, Object>> json = marks.stream().map(m -> Map.<String, Object>of("id", m.id(), "ref", m.erpRef(),
                "series", m.series(), "number", m.number())).toList();
        // the marks drive the join, each finding its order by primary key: led by the status index instead, the
        // optimizer would walk every REGISTERED order (all 10,000 of a first import) for each batch
        return shop.update("""
                UPDATE JSON_TABLE(:marks, '$[*]' COLUMNS (id BIGINT PATH '$.id', ref VARCHAR(80) PATH '$.ref',
                                                        series VARCHAR(10) PATH '$.series', number INT PATH '$.number')) AS m
                STRAIGHT_JOIN shop_order o ON o.id = m.id
                SET o.status = 'STORED', o.erp_ref = m.ref, o.erp_series = m.series, o.erp_number = m.number, o.erp_error = NULL,
                    o.erp_parked_at = NULL,
                    o.amazon_state = CASE WHEN o.origin = 'AMAZON' THEN 'STORED' ELSE o.amazon_state END
                WHERE o.status = 'REGISTERED'
                """, Map.of("marks", Json.write(json)));
    }

    /** An order's ERP document, for {@link #markStoredAll}. */
    public record StoredMark(long id, String erpRef, String series, int number) {
    }

    private static final String HEADER_INSERT = """
            INSERT INTO shop_order (origin, status, customer_id, ship_address_id, order_date, currency, items_total, shipping_total,
                                    order_total, amazon_account_id, amazon_order_id, marketplace_id, amazon_status, amazon_state,
                                    amazon_last_updated)
            VALUES (:origin, :status, :customerId, :shipAddressId, :orderDate, :currency, :itemsTotal, :shippingTotal,
                    :orderTotal, :accountId, :amazonOrderId, :marketplaceId, :amazonStatus, :amazonState, :amazonLastUpdated)
            """;

    /** {@link #HEADER_INSERT} up to its VALUES: the single and the multi-row insert repeat its values per order. */
    private static final String HEADER_HEAD = HEADER_INSERT.substring(0, HEADER_INSERT.indexOf("VALUES")).strip();

    private static final String ROW_INSERT = """
            INSERT INTO order_row (order_id, line_no, sku, title, quantity, unit_price, row_total, product_id, amazon_order_item_id)
            VALUES (:orderId, :lineNo, :sku, :title, :quantity, :unitPrice, :rowTotal, :productId, :itemId)
            """;

    /** {@link #HEADER_INSERT}'s values in the order of its parameters, {@link #HEADER_ORDER}. */
    private static Object[] headerValues(ShopOrder order) {
        return new Object[] {order.origin().name(), order.status().name(), order.customerId(), order.shipAddressId(),
                Timestamp.from(order.orderDate()), order.currency(), order.itemsTotal(), order.shippingTotal(), order.orderTotal(),
                order.amazonAccountId(), order.amazonOrderId(), order.marketplaceId(), order.amazonStatus(), order.amazonState(),
                order.amazonLastUpdated() == null ? null : Timestamp.from(order.amazonLastUpdated())};
    }

    private static final List<String> HEADER_ORDER = List.of("origin", "status", "customerId", "shipAddressId", "orderDate", "currency",
            "itemsTotal", "shippingTotal", "orderTotal", "accountId", "amazonOrderId", "marketplaceId", "amazonStatus", "amazonState",
            "amazonLastUpdated");

    static {
        // the multi-row insert repeats headerValues per order: the statement's parameters must be those, in that order
        it.ponte.db.PositionalBatch.of(HEADER_INSERT, HEADER_ORDER);
    }

    private static final it.ponte.db.PositionalBatch ROW_BATCH = it.ponte.db.PositionalBatch.of(ROW_INSERT,
            List.of("orderId", "lineNo", "sku", "title", "quantity", "unitPrice", "rowTotal", "productId", "itemId"));

    private static Object[] rowValues(long orderId, ShopOrder.OrderRow r) {
        return new Object[] {orderId, r.lineNo(), r.sku(), r.title(), r.quantity(), r.unitPrice(), r.rowTotal(), r.productId(),
                r.amazonOrderItemId()};
    }

    public void updateAmazonStatus(long id, String amazonStatus, Instant lastUpdated) {
        shop.update("UPDATE shop_order SET amazon_status = :status, amazon_last_updated = :lastUpdated WHERE id = :id",
                new MapSqlParameterSource().addValue("id", id).addValue("status", amazonStatus)
                        .addValue("lastUpdated", lastUpdated == null ? null : Timestamp.from(lastUpdated)));
    }

    public Optional<ShopOrder> find(long id) {
        return shop.query("SELECT * FROM shop_order WHERE id = :id", Map.of("id", id), this::header).stream().findFirst()
                .map(o -> o.withRows(rows(o.id())));
    }

    public List<ShopOrder.OrderRow> rows(long orderId) {
        return shop.query("SELECT * FROM order_row WHERE order_id = :id ORDER BY line_no", Map.of("id", orderId), ROW);
    }

    /**
     * Every order waiting for the ERP insert, oldest first (web orders with unconfirmed payment are never among them, nor
     * the orders parked after their failed attempts: {@code it.ponte.erp.ErpParkedOrders}).
     */
    public List<Long> awaitingErp() {
        return shop.queryForList("SELECT id FROM shop_order WHERE status = 'REGISTERED' AND erp_parked_at IS NULL ORDER BY id",
                Map.of(), Long.class);
    }

    /** Records the ERP document; only a REGISTERED order moves, so a repeated call changes nothing. */
    public boolean markStored(long id, String erpRef, String series, int number) {
        return shop.update("""
                UPDATE shop_order SET status = 'STORED', erp_ref = :ref, erp_series = :series, erp_number = :number, erp_error = NULL, erp_parked_at = NULL,
                       amazon_state = CASE WHEN origin = 'AMAZON' THEN 'STORED' ELSE amazon_state END
                WHERE id = :id AND status = 'REGISTERED'
                """, new MapSqlParameterSource().addValue("id", id).addValue("ref", erpRef).addValue("series", series)
                .addValue("number", number)) == 1;
    }

    public void markErpError(long id, String error) {
        shop.update("UPDATE shop_order SET erp_error = :error WHERE id = :id",
                new MapSqlParameterSource().addValue("id", id).addValue("error", truncate(error, 1000)));
    }

    /** Headers of the orders whose ERP documents carry these references. */
    public List<ShopOrder> findByErpRefs(java.util.Collection<String> refs) {
        if (refs.isEmpty()) {
            return List.of();
        }
        return shop.query("SELECT * FROM shop_order WHERE erp_ref IN (:refs)", Map.of("refs", refs), this::header);
    }

    /** Moves an order to the status of its ERP document, if nobody moved it meanwhile. */
    public boolean followErp(long id, OrderStatus from, OrderStatus to) {
        return followErp(id, from, to, null);
    }

    /** As {@link #followErp(long, OrderStatus, OrderStatus)}, keeping when the ERP cancelled it ({@code erp_cancelled_at}), if known. */
    public boolean followErp(long id, OrderStatus from, OrderStatus to, Instant erpCancelledAt) {
        return shop.update("""
                UPDATE shop_order SET status = :to, erp_cancelled_at = COALESCE(:cancelledAt, erp_cancelled_at)
                WHERE id = :id AND status = :from""",
                new MapSqlParameterSource("id", id).addValue("from", from.name()).addValue("to", to.name())
                        .addValue("cancelledAt", erpCancelledAt == null ? null : Timestamp.from(erpCancelledAt))) == 1;
    }

    public List<ShopOrder> list(String origin, String status, int limit, int offset) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("origin", origin).addValue("status", status)
                .addValue("limit", limit).addValue("offset", offset);
        List<ShopOrder> headers = shop.query("""
                SELECT * FROM shop_order
                WHERE (:origin IS NULL OR origin = :origin) AND (:status IS NULL OR status = :status)
                ORDER BY id DESC LIMIT :limit OFFSET :offset
                """, p, this::header);
        return withRows(headers);
    }

    /** Attaches every order's rows with one query for the whole page. */
    private List<ShopOrder> withRows(List<ShopOrder> headers) {
        if (headers.isEmpty()) {
            return headers;
        }
        Map<Long, List<ShopOrder.OrderRow>> rows = new java.util.HashMap<>();
        shop.query("SELECT * FROM order_row WHERE order_id IN (:ids) ORDER BY order_id, line_no",
                Map.of("ids", headers.stream().map(ShopOrder::id).toList()),
                (rs, i) -> rows.computeIfAbsent(rs.getLong("order_id"), k -> new ArrayList<>()).add(ROW.mapRow(rs, i)));
        return headers.stream().map(o -> o.withRows(rows.getOrDefault(o.id(), List.of()))).toList();
    }

    private ShopOrder header(ResultSet rs, int i) throws SQLException {
        return new ShopOrder(rs.getLong("id"), OrderOrigin.valueOf(rs.getString("origin")), OrderStatus.valueOf(rs.getString("status")),
                rs.getLong("customer_id"), rs.getObject("ship_address_id", Long.class), instant(rs, "order_date"),
                rs.getString("currency"), rs.getBigDecimal("items_total"), rs.getBigDecimal("shipping_total"),
                rs.getBigDecimal("order_total"), rs.getString("amazon_account_id"), rs.getString("amazon_order_id"),
                rs.getString("marketplace_id"), rs.getString("amazon_status"), rs.getString("amazon_state"), instant(rs, "amazon_last_updated"), rs.getString("erp_ref"),
                rs.getString("erp_series"), rs.getObject("erp_number", Integer.class), rs.getString("erp_error"),
                rs.getString("carrier"), instant(rs, "ship_date"), rs.getString("tracking_number"), rs.getString("cancel_reason"),
                rs.getString("refund_reason"), instant(rs, "updated_at"), List.of());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        // the session's time zone is UTC (DataSourcesConfig); read as a LocalDateTime: getTimestamp builds a Calendar per value
        java.time.LocalDateTime t = rs.getObject(column, java.time.LocalDateTime.class);
        return t == null ? null : t.toInstant(java.time.ZoneOffset.UTC);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
