package it.ponte.sandbox.erp;

import it.ponte.erp.ErpStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The person who edits the ERP by hand, for rehearsals and tests: cancels a document (reason in the header, every
 * row not to fulfil), issues the delivery note ("Bollato") and the invoice ("Fatturato"), fills in the shipping
 * fields. It writes with plain UPDATEs as the ERP's own screens would, so the ERP's triggers log each change in
 * {@code erp_change} exactly as they do for a real person, and Ponte's CHANGED runs pick it up.
 */
@Component
@Profile("sandbox")
public class ErpAccountant {

    private static final String SELECT = """
            SELECT d.id, d.series, d.number, d.doc_date, c.code AS customer_code, s.code AS ship_to_code, d.status, d.currency,
                   d.total, d.idempotency_ref, d.external_ref, d.cancel_reason_code, d.carrier, d.transport_start,
                   d.tracking_number, d.updated_at
            FROM erp_document d JOIN erp_customer c ON c.id = d.customer_id LEFT JOIN erp_ship_to s ON s.id = d.ship_to_id
            """;

    private final NamedParameterJdbcTemplate erp;
    private final TransactionTemplate erpTx;

    public ErpAccountant(@Qualifier("erpJdbc") NamedParameterJdbcTemplate erp, @Qualifier("erpTx") TransactionTemplate erpTx) {
        this.erp = erp;
        this.erpTx = erpTx;
    }

    /** Every document with its rows, of one series or (series null) of all, by series and number. */
    public List<ErpDocumentView> documents(String series) {
        String where = series == null ? "" : " WHERE d.series = :series";
        List<ErpDocumentView> headers = erp.query(SELECT + where + " ORDER BY d.series, d.number",
                new MapSqlParameterSource("series", series), ErpAccountant::header);
        return withRows(headers);
    }

    public ErpDocumentView document(String series, int number) {
        List<ErpDocumentView> found = erp.query(SELECT + " WHERE d.series = :series AND d.number = :number",
                Map.of("series", series, "number", number), ErpAccountant::header);
        if (found.isEmpty()) {
            throw new ErpDocumentNotFoundException(series, number);
        }
        return withRows(found).get(0);
    }

    /** The ERP's cancellation: the reason in the header and every row at 'N'; the status is left as it is. */
    public ErpDocumentView cancel(String series, int number, String reasonCode) {
        if (reasonCode == null || reasonCode.isBlank()) {
            throw new IllegalArgumentException("reasonCode is required.");
        }
        if (reasonCode.length() > 40) {
            throw new IllegalArgumentException("reasonCode is longer than 40 characters.");
        }
        return edit(series, number, id -> {
            erp.update("UPDATE erp_document SET cancel_reason_code = :reason WHERE id = :id", Map.of("reason", reasonCode, "id", id));
            erp.update("UPDATE erp_row SET fulfil = 'N' WHERE document_id = :id", Map.of("id", id));
        });
    }

    /** Issues the delivery note: the document becomes "Bollato". */
    public ErpDocumentView deliveryNote(String series, int number) {
        return setStatus(series, number, ErpStatus.DELIVERED);
    }

    /** Issues the invoice: the document becomes "Fatturato". */
    public ErpDocumentView invoice(String series, int number) {
        return setStatus(series, number, ErpStatus.INVOICED);
    }

    public ErpDocumentView shipping(String series, int number, ShippingDetails shipping) {
        return edit(series, number, id -> erp.update("""
                UPDATE erp_document SET carrier = :carrier, transport_start = :start, tracking_number = :tracking WHERE id = :id
                """, new MapSqlParameterSource().addValue("carrier", shipping.carrier())
                .addValue("start", Timestamp.from(shipping.transportStart())).addValue("tracking", shipping.trackingNumber())
                .addValue("id", id)));
    }

    private ErpDocumentView setStatus(String series, int number, ErpStatus status) {
        return edit(series, number, id -> erp.update("UPDATE erp_document SET status = :status WHERE id = :id",
                Map.of("status", status.name(), "id", id)));
    }

    /** One edit in one ERP transaction, the document locked while it is changed, as the ERP's screens do. */
    private ErpDocumentView edit(String series, int number, LongConsumer change) {
        erpTx.executeWithoutResult(tx -> {
            List<Long> ids = erp.queryForList("SELECT id FROM erp_document WHERE series = :series AND number = :number FOR UPDATE",
                    Map.of("series", series, "number", number), Long.class);
            if (ids.isEmpty()) {
                throw new ErpDocumentNotFoundException(series, number);
            }
            change.accept(ids.get(0));
        });
        return document(series, number);
    }

    private List<ErpDocumentView> withRows(List<ErpDocumentView> headers) {
        if (headers.isEmpty()) {
            return headers;
        }
        Map<Long, List<ErpDocumentView.Row>> rows = new HashMap<>();
        erp.query("""
                SELECT document_id, line_no, kind, item_code, description, quantity, unit_price, fulfil, external_ref
                FROM erp_row WHERE document_id IN (:ids) ORDER BY document_id, line_no
                """, Map.of("ids", headers.stream().map(ErpDocumentView::id).toList()), rs -> {
            rows.computeIfAbsent(rs.getLong("document_id"), id -> new ArrayList<>()).add(new ErpDocumentView.Row(rs.getInt("line_no"),
                    rs.getString("kind"), rs.getString("item_code"), rs.getString("description"), rs.getBigDecimal("quantity"),
                    rs.getBigDecimal("unit_price"), rs.getString("fulfil"), rs.getString("external_ref")));
        });
        return headers.stream().map(h -> h.withRows(rows.getOrDefault(h.id(), List.of()))).toList();
    }

    private static ErpDocumentView header(ResultSet rs, int row) throws SQLException {
        Timestamp start = rs.getTimestamp("transport_start");
        return new ErpDocumentView(rs.getLong("id"), rs.getString("series"), rs.getInt("number"), rs.getDate("doc_date").toLocalDate(),
                rs.getString("customer_code"), rs.getString("ship_to_code"), rs.getString("status"), rs.getString("currency"),
                rs.getBigDecimal("total"), rs.getString("idempotency_ref"), rs.getString("external_ref"),
                rs.getString("cancel_reason_code"), rs.getString("carrier"), start == null ? null : start.toInstant(),
                rs.getString("tracking_number"), rs.getTimestamp("updated_at").toInstant(), List.of());
    }
}
