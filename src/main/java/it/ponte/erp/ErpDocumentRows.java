package it.ponte.erp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.ExchangeProperty;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * The rows of one document in one statement batch, a step of the {@code erp-document-tx} route. It runs on the
 * connection of the route's ERP transaction (Spring binds it to the thread), so the rows commit or roll back with
 * their document. camel-jdbc sends one statement per message; a batch is what many rows need.
 */
@Component("erpDocumentRows")
public class ErpDocumentRows {

    private final NamedParameterJdbcTemplate erp;
    private final String insert;

    public ErpDocumentRows(@Qualifier("erpJdbc") NamedParameterJdbcTemplate erp) {
        this.erp = erp;
        try {
            this.insert = new ClassPathResource("sql/erp/document-row-insert.sql").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("sql/erp/document-row-insert.sql is missing from the classpath", e);
        }
    }

    public void insert(@ExchangeProperty(ErpDocumentStore.DRAFT) ErpDocumentDraft draft, @ExchangeProperty("erpDocumentId") Long documentId) {
        insertAll(parameters(draft, documentId));
    }

    /** The parameters of a document's rows, line by line. */
    List<SqlParameterSource> parameters(ErpDocumentDraft draft, long documentId) {
        List<SqlParameterSource> rows = new ArrayList<>();
        int line = 1;
        for (ErpDocumentDraft.Row row : draft.rows()) {
            rows.add(new MapSqlParameterSource().addValue("documentId", documentId).addValue("lineNo", line++)
                    .addValue("kind", row.kind().name()).addValue("itemCode", row.itemCode())
                    .addValue("description", row.description()).addValue("quantity", row.quantity())
                    .addValue("unitPrice", row.unitPrice()).addValue("vatAmount", row.vatAmount())
                    .addValue("externalRef", row.externalRef()));
        }
        return rows;
    }

    /** Rows of one or many documents in one statement batch, on the ERP transaction's connection. */
    void insertAll(List<SqlParameterSource> rows) {
        try {
            erp.batchUpdate(insert, rows.toArray(SqlParameterSource[]::new));
        } catch (DataAccessException e) {
            // the ERP's own words, without the statement around them
            throw new IllegalStateException("il gestionale ha rifiutato le righe del documento: " + e.getMostSpecificCause().getMessage(), e);
        }
    }
}
