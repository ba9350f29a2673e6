package it.ponte.amazon;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/** The amounts of an imported Amazon order, item by item and charge by charge, with their VAT: what its ERP rows become. */
@Repository
public class AmazonOrderAmountLines {

    private final NamedParameterJdbcTemplate shop;

    public AmazonOrderAmountLines(@Qualifier("shopJdbc") NamedParameterJdbcTemplate shop) {
        this.shop = shop;
    }

    /** ITEM lines name their order row ({@code rowLineNo}); the charges have none; {@code note}: promotion ids. */
    public record Line(String kind, Integer rowLineNo, BigDecimal amount, BigDecimal vatAmount, boolean vatIncluded, String note) {
    }

    /** Stores the lines of a new order, in the caller's transaction. */
    public void insert(long orderId, List<Line> lines) {
        List<SqlParameterSource> rows = new ArrayList<>();
        int lineNo = 1;
        for (Line l : lines) {
            rows.add(new MapSqlParameterSource().addValue("orderId", orderId).addValue("lineNo", lineNo++).addValue("kind", l.kind())
                    .addValue("rowLineNo", l.rowLineNo()).addValue("amount", l.amount()).addValue("vat", l.vatAmount())
                    .addValue("included", l.vatIncluded()).addValue("note", l.note()));
        }
        shop.batchUpdate("""
                INSERT INTO order_amount_line (order_id, line_no, kind, row_line_no, amount, vat_amount, vat_included, note)
                VALUES (:orderId, :lineNo, :kind, :rowLineNo, :amount, :vat, :included, :note)
                """, rows.toArray(SqlParameterSource[]::new));
    }

    private static final it.ponte.db.PositionalBatch INSERT = it.ponte.db.PositionalBatch.of("""
            INSERT INTO order_amount_line (order_id, line_no, kind, row_line_no, amount, vat_amount, vat_included, note)
            VALUES (:orderId, :lineNo, :kind, :rowLineNo, :amount, :vat, :included, :note)
            """, List.of("orderId", "lineNo", "kind", "rowLineNo", "amount", "vat", "included", "note"));

    /** Stores the lines of new orders (by order id) in one statement batch, in the caller's transaction. */
    public void insertAll(Map<Long, List<Line>> linesByOrder) {
        List<Object[]> rows = new ArrayList<>();
        linesByOrder.forEach((orderId, lines) -> {
            int lineNo = 1;
            for (Line l : lines) {
                rows.add(new Object[] {orderId, lineNo++, l.kind(), l.rowLineNo(), l.amount(), l.vatAmount(), l.vatIncluded(), l.note()});
            }
        });
        INSERT.execute(shop.getJdbcOperations(), rows);
    }

    /** The lines of these orders, by order id, in one query. */
    public Map<Long, List<Line>> ofAll(java.util.Collection<Long> orderIds) {
        Map<Long, List<Line>> found = new java.util.HashMap<>();
        if (!orderIds.isEmpty()) {
            shop.query("SELECT * FROM order_amount_line WHERE order_id IN (:ids) ORDER BY order_id, line_no", Map.of("ids", orderIds),
                    (java.sql.ResultSet rs) -> {
                        found.computeIfAbsent(rs.getLong("order_id"), k -> new ArrayList<>()).add(new Line(rs.getString("kind"),
                                (Integer) rs.getObject("row_line_no", Integer.class), rs.getBigDecimal("amount"),
                                rs.getBigDecimal("vat_amount"), rs.getBoolean("vat_included"), rs.getString("note")));
                    });
        }
        return found;
    }

    /** The order's lines in order; empty for web orders and Amazon orders imported before lines were kept. */
    public List<Line> of(long orderId) {
        return shop.query("SELECT * FROM order_amount_line WHERE order_id = :id ORDER BY line_no", Map.of("id", orderId),
                (rs, i) -> new Line(rs.getString("kind"), (Integer) rs.getObject("row_line_no", Integer.class), rs.getBigDecimal("amount"),
                        rs.getBigDecimal("vat_amount"), rs.getBoolean("vat_included"), rs.getString("note")));
    }
}
