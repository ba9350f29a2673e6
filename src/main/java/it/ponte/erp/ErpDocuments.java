package it.ponte.erp;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.ProducerTemplate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * What the state diff reads of ERP documents: the {@code erp-document-states} route reads a batch on camel-jdbc
 * ({@code sql/erp/document-states.sql}) and this turns each row into an {@link ErpDocumentState} (the state diff does
 * it per document, so one unreadable document fails alone).
 */
@Component("erpDocuments")
public class ErpDocuments {

    private final ProducerTemplate routes;

    public ErpDocuments(@Lazy ProducerTemplate routes) {
        this.routes = routes;
    }

    /** The documents' states, through the route. */
    @SuppressWarnings("unchecked")
    public List<ErpDocumentState> states(Collection<Long> ids) {
        return fromRows(routes.requestBody("direct:erp-document-states", List.copyOf(ids), List.class));
    }

    /** The ids as the one bound parameter of the batch read: a JSON array. */
    public String idsParameter(@Body Collection<Long> ids) {
        return ids.toString();
    }

    public List<ErpDocumentState> fromRows(@Body List<Map<String, Object>> rows) {
        return rows.stream().map(ErpDocuments::state).toList();
    }

    /** One row of {@code document-states.sql}; a status Ponte does not know is that document's failure, said plainly. */
    public static ErpDocumentState state(Map<String, Object> row) {
        String status = (String) row.get("status");
        if (status == null || Arrays.stream(ErpStatus.values()).noneMatch(s -> s.name().equals(status))) {
            throw new IllegalStateException("il documento " + row.get("series") + "/" + row.get("number") + " è nello stato '" + status
                    + "', che Ponte non conosce (" + Arrays.toString(ErpStatus.values()) + ")");
        }
        return new ErpDocumentState(((Number) row.get("id")).longValue(), (String) row.get("idempotency_ref"), (String) row.get("series"),
                ((Number) row.get("number")).intValue(), ErpStatus.valueOf((String) row.get("status")), (String) row.get("cancel_reason_code"),
                (String) row.get("carrier"), instant(row.get("transport_start")), (String) row.get("tracking_number"), flag(row.get("all_n")),
                instant(row.get("updated_at")));
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof LocalDateTime t) {
            return t.atZone(ZoneId.systemDefault()).toInstant();
        }
        return ErpChangeLog.instant(value);
    }

    private static boolean flag(Object value) {
        return value instanceof Boolean b ? b : value instanceof Number n && n.intValue() != 0;
    }
}
