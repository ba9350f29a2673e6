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
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The rows of one document in one statement batch, a step of the {@code erp-document-tx} route. It runs on the
 * connection of the route's ERP transaction (Spring binds it to the thread), so the rows commit or roll back with
 * their document. camel-jdbc sends one statement per message; a batch is what many rows need.
 */
@Component("erpDocumentRows")
public class ErpDocumentRows {

    private final NamedParameterJdbcTemplate erp;
    private final it.ponte.db.PositionalBatch insert;

    public ErpDocumentRows(@Qualifier("erpJdbc") NamedParameterJdbcTemplate erp) {
        this.erp = erp;
        try {
            this.insert = it.ponte.db.PositionalBatch.of(new ClassPathResource("sql/erp/document-row-insert.sql").getContentAsString(StandardCharsets.UTF_8),
                    List.of("documentId", "lineNo", "kind", "itemCode", "description", "quantity", "unitPrice", "vatAmount", "externalRef"));
        } catch (IOException e) {
            throw new UncheckedIOException("sql/erp/document-row-insert.sql is missing from the classpath", e);
        }
    }

    public void insert(@ExchangeProperty(ErpDocumentStore.DRAFT) ErpDocumentDraft draft, @ExchangeProperty("erpDocumentId") Long documentId) {
        insertAll(parameters(draft, documentId));
    }

    /** The values of a document's rows, line by line, in the order of document-row-insert.sql's parameters. */
    List<Object[]> parameters(ErpDocumentDraft draft, long documentId) {
        List<Object[]> rows = new ArrayList<>(draft.rows().size());
        int line = 1;
        for (ErpDocumentDraft.Row row : draft.rows()) {
            rows.add(new Object[] {documentId, line++, row.kind().name(), row.itemCode(), row.description(), row.quantity(),
                    row.unitPrice(), row.vatAmount(), row.externalRef()});
        }
        return rows;
    }

    /** Rows of one or many documents in one statement batch, on the ERP transaction's connection. */
    void insertAll(List<Object[]> rows) {
        try {
            insert.execute(erp.getJdbcOperations(), rows);
        } catch (DataAccessException e) {
            // the ERP's own words, without the statement around them
            throw new IllegalStateException("il gestionale ha rifiutato le righe del documento: " + e.getMostSpecificCause().getMessage(), e);
        }
    }
}
