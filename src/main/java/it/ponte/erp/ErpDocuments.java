package it.ponte.erp;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads ERP documents for the state diff, a batch at a time. */
@Repository
public class ErpDocuments {

    private static final String SELECT = """
            SELECT d.id, d.idempotency_ref, d.series, d.number, d.status, d.cancel_reason_code, d.carrier, d.transport_start,
                   d.tracking_number,
                   NOT EXISTS (SELECT 1 FROM erp_row r WHERE r.document_id = d.id AND r.kind = 'ITEM' AND r.fulfil <> 'N') AS all_n
            FROM erp_document d
            """;

    private final NamedParameterJdbcTemplate erp;

    public ErpDocuments(@Qualifier("erpJdbc") NamedParameterJdbcTemplate erp) {
        this.erp = erp;
    }

    public List<ErpDocumentState> states(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return erp.query(SELECT + " WHERE d.id IN (:ids)", Map.of("ids", ids), (rs, i) -> {
            Timestamp start = rs.getTimestamp("transport_start");
            return new ErpDocumentState(rs.getLong("id"), rs.getString("idempotency_ref"), rs.getString("series"), rs.getInt("number"),
                    ErpStatus.valueOf(rs.getString("status")), rs.getString("cancel_reason_code"), rs.getString("carrier"),
                    start == null ? null : start.toInstant(), rs.getString("tracking_number"), rs.getBoolean("all_n"));
        });
    }

    /** Ids of every document Ponte inserted, after {@code afterId}, for TOTAL runs that re-read everything. */
    public List<Long> allIds(long afterId, int limit) {
        return erp.queryForList("SELECT id FROM erp_document WHERE id > :after ORDER BY id LIMIT :limit",
                Map.of("after", afterId, "limit", limit), Long.class);
    }
}
